package ballast.output.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/**
 * Writes a {@link Figure} as PNG (300 dpi, the resolution recorded in the file), SVG (sized in
 * points with a matching {@code viewBox}) or PDF (one page the size of the figure, font embedded).
 * The chart is drawn in points in every format, so the three look the same.
 */
public final class ChartWriter {
    /** PNG resolution, dots per inch. */
    public static final int DPI = 300;

    private ChartWriter() {
    }

    /** Writes {@code figure} in each of {@code formats} into {@code dir}; returns the files written. */
    public static List<Path> write(Figure figure, Path dir, List<ChartFormat> formats) throws IOException {
        List<Path> files = new ArrayList<>();
        for (ChartFormat format : formats) {
            Path file = dir.resolve(figure.name() + "." + format.extension());
            switch (format) {
                case PNG -> png(figure, file);
                case SVG -> svg(figure, file);
                case PDF -> pdf(figure, file);
                default -> throw new IllegalArgumentException(format.toString());
            }
            files.add(file);
        }
        return files;
    }

    private static Rectangle2D area(Figure f) {
        return new Rectangle2D.Double(0, 0, f.width().points(), f.heightPoints());
    }

    /** Returns the pixel size of the PNG of {@code figure}: inches times {@link #DPI}. */
    public static int[] pixels(Figure figure) {
        return new int[] {(int) Math.round(figure.width().inches() * DPI),
            (int) Math.round(figure.heightInches() * DPI)};
    }

    static void png(Figure f, Path file) throws IOException {
        int[] px = pixels(f);
        BufferedImage image = new BufferedImage(px[0], px[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(DPI / 72.0, DPI / 72.0);
            f.chart().draw(g, area(f));
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = Files.newOutputStream(file);
                ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            // Record 300 dpi (as pixels per millimetre), so word processors place the image at its size.
            IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
            for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                IIOMetadataNode size = new IIOMetadataNode(axis);
                size.setAttribute("value", Double.toString(25.4 / DPI));
                dimension.appendChild(size);
            }
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dimension);
            metadata.mergeTree("javax_imageio_1.0", root);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    static void svg(Figure f, Path file) throws IOException {
        double w = f.width().points();
        double h = f.heightPoints();
        SVGGraphics2D g = new SVGGraphics2D(w, h, SVGUnits.PT);
        // Name fall-backs for viewers without Liberation Sans (its metrics match Arial's). Unquoted:
        // JFreeSVG puts the style in single quotes, and CSS allows family names with spaces unquoted.
        g.setFontFunction(family -> family + ", Arial, Helvetica, sans-serif");
        // A fixed prefix for clip-path ids instead of the default time-based one, so the same chart
        // gives the same file.
        g.setDefsKeyPrefix("ballast-" + f.name() + "-");
        f.chart().draw(g, area(f));
        String element = g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n",
                StandardCharsets.UTF_8);
    }

    static void pdf(Figure f, Path file) throws IOException {
        float w = (float) f.width().points();
        float h = (float) f.heightPoints();
        try (PDDocument doc = new PDDocument();
                PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
                InputStream font = ChartStyle.class.getResourceAsStream(ChartStyle.FONT_RESOURCE)) {
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreator("Ballast");
            info.setTitle(f.name());
            // Fixed dates keep the same figure byte-identical from run to run.
            info.setCreationDate(null);
            info.setModificationDate(null);
            // So does a fixed document ID (PDFBox would hash the clock into one): MD5 of the figure's name and size.
            byte[] id = md5(f.name() + " " + w + " " + h);
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            fonts.registerFont(ChartStyle.FONT_NAME, font);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(fonts);
            try {
                f.chart().draw(g, area(f));
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g.getXFormObject());
            }
            doc.save(file.toFile());
        }
    }

    private static byte[] md5(String text) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** Returns a number for a label with at most {@code decimals} decimals and no trailing zeros. */
    static String number(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        // A true minus sign, and none on a value that rounds to zero.
        return s.equals("-0") ? "0" : s.replace('-', '\u2212');
    }
}
