package ballast.cli;

import ballast.output.chart.ChartFormat;
import ballast.output.chart.ChartWidth;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by the commands that draw charts. */
final class ChartOptions {

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "png,svg,pdf",
            converter = FormatsConverter.class,
            description = "Chart formats, comma-separated: png (300 dpi), svg, pdf (default: ${DEFAULT-VALUE}).")
    List<ChartFormat> formats;

    @Option(names = "--width", paramLabel = "WIDTH", defaultValue = "7in", converter = WidthConverter.class,
            description = "Printed width: 3.5in for a journal column, 7in for the full page; also cm, mm, pt "
                    + "(default: ${DEFAULT-VALUE}).")
    ChartWidth width;

    @Option(names = "--title", description = "Put a title on each chart (off by default: papers caption figures).")
    boolean title;

    static final class FormatsConverter implements ITypeConverter<List<ChartFormat>> {
        @Override
        public List<ChartFormat> convert(String value) {
            try {
                return ChartFormat.parseList(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class WidthConverter implements ITypeConverter<ChartWidth> {
        @Override
        public ChartWidth convert(String value) {
            try {
                return ChartWidth.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
