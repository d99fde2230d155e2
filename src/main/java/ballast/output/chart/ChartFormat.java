package ballast.output.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A file format a chart can be written in. */
public enum ChartFormat {
    /** Raster, 300 dots per inch, for slides, Word and the web. */
    PNG,
    /** Vector (JFreeSVG), for the web and for editing. */
    SVG,
    /** Vector, one page, font embedded (PDFBox), for LaTeX. */
    PDF;

    /** Returns the file extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list such as {@code pdf,svg,png}.
     *
     * @throws IllegalArgumentException naming the unknown format
     */
    public static List<ChartFormat> parseList(String text) {
        List<ChartFormat> formats = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                ChartFormat f = valueOf(p.toUpperCase(Locale.ROOT));
                if (!formats.contains(f)) {
                    formats.add(f);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown chart format '" + p + "' (use png, svg or pdf)");
            }
        }
        return List.copyOf(formats);
    }
}
