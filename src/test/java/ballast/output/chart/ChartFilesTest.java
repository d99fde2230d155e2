package ballast.output.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** Every chart file is what it says it is, at the size asked for, with its text. */
class ChartFilesTest {
    private static final String SAO_TOME = "São Tomé and Príncipe";

    @TempDir
    Path dir;

    /** A small made-up batch of two years with a non-ASCII state name. */
    static SavedBatch syntheticBatch() {
        int n = 24;
        List<YearMonth> months = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            months.add(YearMonth.of(2000, 1).plusMonths(t));
        }
        double[][] q = new double[7][n];
        double[][] s = new double[7][n];
        double[] mean = new double[n];
        double[][] survival = new double[3][n];
        for (int t = 0; t < n; t++) {
            double[] allies = {26 - t / 4, 27 - t / 5, 28 - t / 6, 28 - t / 8, 29 - t / 10, 29 - t / 12, 29};
            double[] share = {0.6, 0.7, 0.8, 0.9 - t * 0.002, 0.95, 0.98, 1.0};
            for (int k = 0; k < 7; k++) {
                q[k][t] = allies[k];
                s[k][t] = share[k];
            }
            mean[t] = q[3][t];
            survival[0][t] = 1.0 - t * 0.02;
            survival[1][t] = 1.0 - t * 0.005;
            survival[2][t] = 1.0 - t * 0.001;
        }
        Bands allies = new Bands(months, mean, q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
        Bands shares = new Bands(months, s[3], s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
        List<SavedBatch.Retention> retention = List.of(
                new SavedBatch.Retention("STP", SAO_TOME, 0.52, 0.49, 0.55),
                new SavedBatch.Retention("CRI", "Costa Rica", 0.88, 0.86, 0.90),
                new SavedBatch.Retention("VAT", "Holy See", 0.99, 0.985, 0.995));
        SavedBatch.Survival curves = new SavedBatch.Survival(months, List.of(SAO_TOME, "Costa Rica", "Holy See"),
                survival);
        return new SavedBatch(Path.of("synthetic"), "synthetic", 1000, allies, shares, shares, retention, curves);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5in", "7in"})
    void everyBatchChartIsAValidPngSvgAndPdfOfTheRequestedSize(String widthText) throws Exception {
        ChartWidth width = ChartWidth.parse(widthText);
        List<Figure> figures = BatchCharts.all(syntheticBatch(), width, false);
        assertEquals(List.of("allies_fan", "retention", "survival", "shares"),
                figures.stream().map(Figure::name).toList());
        ChartFolder.write(figures, dir, List.of(ChartFormat.values()), false);
        for (Figure f : figures) {
            assertPng(dir.resolve(f.name() + ".png"), f);
            assertSvg(dir.resolve(f.name() + ".svg"), f);
            String text = assertPdf(dir.resolve(f.name() + ".pdf"), f);
            if (f.name().equals("retention")) {
                assertTrue(text.contains(width.inches() < 5 ? "P(with Taipei), Dec 2001"
                        : "Probability of recognising Taipei in Dec 2001"), text);
                assertTrue(text.contains(SAO_TOME), "the PDF keeps the non-ASCII name: " + text);
            }
            if (f.name().equals("allies_fan")) {
                // The vertical axis label comes out of the text extractor a few letters per line.
                assertTrue(text.replaceAll("\\s+", "").contains("StatesrecognisingTaipei"), text);
                assertTrue(text.contains("2001"), "years on the time axis: " + text);
            }
        }
    }

    @Test
    void theHeatMapAndSensitivityRenderersDrawSmallSyntheticTables() throws Exception {
        ExperimentCharts.Grid grid = new ExperimentCharts.Grid("Japan's budget (US$ m)", new double[] {0, 50, 100},
                "PRC budget (US$ m)", new double[] {500, 1000}, "Allies at the horizon",
                new double[][] {{8, 7}, {9, 8}, {10, 9.5}});
        ExperimentCharts.Indices indices = new ExperimentCharts.Indices("allies at the horizon",
                List.of("First order (S1)", "Total order (ST)"), List.of("rates.toPrc", "prc.budget ± 10%", "x3"),
                new double[][] {{0.31, 0.44, 0.0}, {0.56, 0.44, 0.24}},
                new double[][] {{0.28, 0.40, -0.02}, {0.52, 0.41, 0.22}},
                new double[][] {{0.34, 0.48, 0.02}, {0.60, 0.47, 0.26}}, 1);
        ChartWidth width = ChartWidth.parse("3.5in");
        List<Figure> figures = List.of(ExperimentCharts.heatMap("sweep_heatmap", grid, width, true),
                ExperimentCharts.indices("sobol", indices, width, false));
        ChartFolder.write(figures, dir, List.of(ChartFormat.values()), false);
        for (Figure f : figures) {
            assertPng(dir.resolve(f.name() + ".png"), f);
            assertSvg(dir.resolve(f.name() + ".svg"), f);
            String text = assertPdf(dir.resolve(f.name() + ".pdf"), f);
            if (f.name().equals("sobol")) {
                assertTrue(text.contains("prc.budget ± 10%"), text);
                assertTrue(text.contains("Total order (ST)"), text);
            } else {
                assertTrue(text.contains("Japan's budget (US$ m)"), text);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ExperimentCharts.Grid("x", new double[] {1},
                "y", new double[] {1, 2}, "z", new double[][] {{1}}));
    }

    @Test
    void chartsAreNotOverwrittenUnlessAsked() throws Exception {
        ChartWidth width = ChartWidth.parse("3.5in");
        List<Figure> one = List.of(BatchCharts.fan(syntheticBatch(), width, false));
        ChartFolder.write(one, dir, List.of(ChartFormat.PNG), false);
        byte[] before = Files.readAllBytes(dir.resolve("allies_fan.png"));
        assertThrows(FileAlreadyExistsException.class, () -> ChartFolder.write(one, dir, List.of(ChartFormat.PNG),
                false));
        assertEquals(before.length, Files.readAllBytes(dir.resolve("allies_fan.png")).length);
        ChartFolder.write(one, dir, List.of(ChartFormat.PNG), true);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("allies_fan.png"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary folder is left behind");
        }
    }

    @Test
    void widthsParseWithUnitsAndRejectNonsense() {
        assertEquals(3.5, ChartWidth.parse("3.5in").inches(), 1e-12);
        assertEquals(89 / 25.4, ChartWidth.parse("89mm").inches(), 1e-12);
        assertEquals(7.0, ChartWidth.parse("504pt").inches(), 1e-12);
        assertEquals("3.5in", ChartWidth.parse("3.5in").label());
        assertThrows(IllegalArgumentException.class, () -> ChartWidth.parse("3.5"));
        assertThrows(IllegalArgumentException.class, () -> ChartWidth.parse("1in"));
        assertThrows(IllegalArgumentException.class, () -> ChartFormat.parseList("png,gif"));
        assertEquals(List.of(ChartFormat.PDF, ChartFormat.PNG), ChartFormat.parseList("pdf, png,pdf"));
    }

    static void assertPng(Path file, Figure f) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " decodes as an image");
        assertEquals(Math.round(f.width().inches() * 300), image.getWidth(), file + " width at 300 dpi");
        assertEquals(Math.round(f.heightInches() * 300), image.getHeight(), file + " height at 300 dpi");
    }

    static void assertSvg(Path file, Figure f) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element svg = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        String[] box = svg.getAttribute("viewBox").trim().split("\\s+");
        assertEquals(4, box.length, "viewBox of " + file);
        assertEquals(f.width().points(), Double.parseDouble(box[2]), 1e-6);
        assertEquals(f.heightPoints(), Double.parseDouble(box[3]), 1e-6);
        assertTrue(svg.getAttribute("width").endsWith("pt"), "sized in points: " + svg.getAttribute("width"));
    }

    /** Checks the PDF and returns its text. */
    static String assertPdf(Path file, Figure f) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(1, doc.getNumberOfPages(), file + " has one page");
            PDPage page = doc.getPage(0);
            PDRectangle box = page.getMediaBox();
            assertEquals(f.width().points(), box.getWidth(), 0.01, "page width of " + file);
            assertEquals(f.heightPoints(), box.getHeight(), 0.01, "page height of " + file);
            List<PDFont> fonts = new ArrayList<>();
            collectFonts(page.getResources(), fonts);
            assertTrue(!fonts.isEmpty(), file + " draws its text as text");
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName() + " is embedded in " + file);
            }
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void collectFonts(PDResources resources, List<PDFont> into) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            into.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), into);
            }
        }
    }
}
