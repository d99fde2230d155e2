package ballast.output.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.output.Manifest;
import ballast.output.table.BacktestTables;
import ballast.output.table.Columns;
import ballast.output.table.SweepTables;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the charts show: the right order, the right centre line, every state named, the right range. */
class ChartContentTest {
    @TempDir
    Path dir;

    private static List<YearMonth> months(int n) {
        List<YearMonth> months = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            months.add(YearMonth.of(2030, 1).plusMonths(t));
        }
        return months;
    }

    private static Bands flat(int n, double mean, double median) {
        double[][] q = new double[8][n];
        double[] values = {mean, median - 2, median - 1, median - 1, median, median + 1, median + 1, median + 2};
        for (int k = 0; k < 8; k++) {
            java.util.Arrays.fill(q[k], values[k]);
        }
        return new Bands(months(n), q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5in", "7in"})
    void theSurvivalChartNamesEveryStateNotJustTheFourMostAtRisk(String widthText) throws Exception {
        List<String> names = List.of("Saint Vincent and the Grenadines", "Tuvalu", "Haiti", "Saint Lucia",
                "Saint Kitts and Nevis", "Marshall Islands", "Belize", "Palau", "Paraguay", "Guatemala", "Eswatini",
                "Holy See");
        int n = 24;
        double[][] share = new double[names.size()][n];
        for (int i = 0; i < names.size(); i++) {
            for (int t = 0; t < n; t++) {
                share[i][t] = 1.0 - t * 0.002 * (names.size() - i);
            }
        }
        Bands b = flat(n, 10, 10);
        SavedBatch batch = new SavedBatch(dir, "twelve", 1000, b, b, b, List.of(),
                new SavedBatch.Survival(months(n), names, share));
        Figure f = BatchCharts.survival(batch, ChartWidth.parse(widthText), false);
        ChartWriter.write(f, dir, List.of(ChartFormat.PDF));
        String text = ChartFilesTest.assertPdf(dir.resolve("survival.pdf"), f).replaceAll("\\s+", "");
        for (String name : names) {
            assertTrue(text.contains(name.replace(" ", "")), name + " is named in the chart: " + text);
        }
    }

    @Test
    void theSharesChartDrawsTheMeanNotTheMedianThatJumpsBetweenSumsOfStates() {
        Bands gdp = flat(24, 0.87, 0.95);
        SavedBatch batch = new SavedBatch(dir, "s", 1000, flat(24, 10, 10), gdp, gdp, List.of(),
                new SavedBatch.Survival(months(24), List.of("A"), new double[][] {new double[24]}));
        Figure f = BatchCharts.shares(batch, ChartWidth.FULL, false);
        XYPlot panel = (XYPlot) ((CombinedDomainXYPlot) f.chart().getPlot()).getSubplots().get(0);
        XYDataset centre = panel.getDataset(0);
        assertEquals("Mean", centre.getSeriesKey(0));
        for (int i = 0; i < centre.getItemCount(0); i++) {
            assertEquals(0.87, centre.getYValue(0, i), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5in", "7in"})
    void theSharesPanelsKeepTheirTickLabelsApart(String widthText) throws Exception {
        Bands gdp = flat(24, 0.87, 0.7);
        SavedBatch batch = new SavedBatch(dir, "s", 1000, flat(24, 10, 10), gdp, gdp, List.of(),
                new SavedBatch.Survival(months(24), List.of("A"), new double[][] {new double[24]}));
        ChartWidth width = ChartWidth.parse(widthText);
        Figure f = BatchCharts.shares(batch, width, false);
        ChartWriter.write(f, dir, List.of(ChartFormat.PDF));
        // Each tick label's vertical centre and value, top to bottom: 100%, 90%, ... of the upper panel,
        // then 100%, ... of the lower.
        List<float[]> labels = new ArrayList<>();
        float[] size = new float[1];
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("shares.pdf").toFile())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                    if (text.matches("\\d+%")) {
                        var g = glyphs.get(0);
                        labels.add(new float[] {g.getYDirAdj() - g.getHeightDir() / 2,
                            Float.parseFloat(text.replace("%", ""))});
                        size[0] = g.getFontSizeInPt();
                    }
                }
            };
            stripper.getText(pdf);
        }
        labels.sort((a, b) -> Float.compare(a[0], b[0]));
        int between = -1;
        for (int i = 1; i < labels.size(); i++) {
            if (labels.get(i)[1] > labels.get(i - 1)[1]) {
                between = i;
            }
        }
        assertTrue(between > 0, "two panels of tick labels");
        float gap = labels.get(between)[0] - labels.get(between - 1)[0];
        assertTrue(gap >= 2.5 * size[0], "the lower panel's " + labels.get(between)[1] + "% sits " + gap
                + " pt under the upper panel's " + labels.get(between - 1)[1] + "% (" + size[0] + " pt type)");
    }

    @Test
    void theMorrisChartPutsTheLargestMuStarOnTopWhateverItsSigma() {
        // mu* ranks a, b, c; sigma ranks c, b, a.
        ExperimentCharts.Indices morris = new ExperimentCharts.Indices("allies", List.of("mu*", "sigma"),
                List.of("b", "a", "c"), new double[][] {{2.0, 3.0, 1.0}, {0.5, 0.1, 0.9}},
                new double[][] {{1.5, 2.5, 0.5}, {Double.NaN, Double.NaN, Double.NaN}},
                new double[][] {{2.5, 3.5, 1.5}, {Double.NaN, Double.NaN, Double.NaN}}, 0);
        Figure f = ExperimentCharts.indices("morris_allies", morris, ChartWidth.FULL, false);
        CategoryPlot plot = (CategoryPlot) f.chart().getPlot();
        assertEquals(List.of("a", "b", "c"), plot.getDataset().getColumnKeys());
    }

    @Test
    void theHorizonComparisonTellsApartScenariosWithEqualMediansByTheirMeans() {
        Bands same = flat(12, 9.0, 9);
        List<SavedCompare.Scenario> scenarios = List.of(
                new SavedCompare.Scenario("baseline", 1000, 9.21, 9.17, 9.25, flat(12, 9.21, 9)),
                new SavedCompare.Scenario("no-japan", 1000, 8.68, 8.63, 8.73, flat(12, 8.68, 9)),
                new SavedCompare.Scenario("japan-doubled", 1000, 9.53, 9.49, 9.58, same));
        SavedCompare compare = new SavedCompare(dir, scenarios, null, List.of());
        Figure f = CompareCharts.horizon(compare, ChartWidth.parse("3.5in"), false);
        XYPlot plot = (XYPlot) f.chart().getPlot();
        List<Double> marks = new ArrayList<>();
        for (Object a : plot.getAnnotations()) {
            marks.add(((CompareCharts.Estimate) a).position()[0]);
        }
        assertEquals(List.of(9.21, 8.68, 9.53), marks, "a marker at each mean, not at the equal medians");
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        assertTrue(axis.getLowerBound() > 8.5 && axis.getUpperBound() < 9.7,
                "the axis spans the means and their intervals: " + axis.getRange());

        Figure paths = CompareCharts.paths(compare, ChartWidth.parse("3.5in"), false);
        XYDataset lines = ((XYPlot) paths.chart().getPlot()).getDataset();
        assertEquals(8.68, lines.getYValue(1, 0), 1e-12, "paths are the means, not medians offset by a dodge");
    }

    @Test
    void thePairedComparisonChartHasAMarkerPerStateAndScenarioAtTheChange() {
        List<SavedCompare.StateChange> states = List.of(
                new SavedCompare.StateChange("no-japan", "HTI", "Haiti", 0.6, -0.2, -0.21, -0.19),
                new SavedCompare.StateChange("no-japan", "VAT", "Holy See", 0.99, 0.0, -0.001, 0.001),
                new SavedCompare.StateChange("japan-doubled", "HTI", "Haiti", 0.6, 0.11, 0.10, 0.12),
                new SavedCompare.StateChange("japan-doubled", "VAT", "Holy See", 0.99, 0.0, -0.001, 0.001));
        SavedCompare compare = new SavedCompare(dir, List.of(
                new SavedCompare.Scenario("baseline", 100, 9, 8.9, 9.1, flat(12, 9, 9)),
                new SavedCompare.Scenario("no-japan", 100, 8, 7.9, 8.1, flat(12, 8, 8)),
                new SavedCompare.Scenario("japan-doubled", 100, 9.5, 9.4, 9.6, flat(12, 9.5, 9))), "baseline",
                states);
        List<Figure> figures = CompareCharts.all(compare, ChartWidth.FULL, false);
        assertEquals(List.of("compare_horizon", "compare_paths", "compare_states"),
                figures.stream().map(Figure::name).toList());
        XYPlot plot = (XYPlot) figures.get(2).chart().getPlot();
        List<Double> changes = new ArrayList<>();
        for (XYAnnotation a : plot.getAnnotations()) {
            changes.add(((CompareCharts.Estimate) a).position()[0]);
        }
        assertEquals(List.of(-0.2, 0.0, 0.11, 0.0), changes);
        assertEquals(0.0, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .mapToDouble(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue()).findFirst().orElse(1), 0.0,
                "a line at zero, the reference");
    }

    @Test
    void theBackTestFanSpansTheDataNotZeroAndKeepsItsLabelShortAtColumnWidth() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bt"));
        StringBuilder csv = new StringBuilder(String.join(",", Columns.MONTH, Columns.ALLIES_REAL, Columns.MODEL_MEAN)
                + "," + String.join(",", Columns.quantiles(Columns.MODEL_PREFIX)) + "," + Columns.BASELINE_MEAN + ","
                + Columns.BASELINE_Q10 + "," + Columns.BASELINE_Q90 + "\n");
        for (int t = 0; t < 24; t++) {
            csv.append(YearMonth.of(2008, 1).plusMonths(t)).append(",").append(24 - t / 6).append(",22,18,19,20,22,23,"
                    + "24,24,21,").append(20 - t / 8).append(",24\n");
        }
        Files.writeString(folder.resolve(BacktestTables.ALLIES), csv.toString());
        Figure f = BacktestCharts.fan(folder, 24, ChartWidth.parse("3.5in"), false);
        NumberAxis allies = (NumberAxis) ((XYPlot) f.chart().getPlot()).getRangeAxis();
        assertEquals(17.5, allies.getLowerBound(), 1e-9, "from just under the lowest value drawn, not from 0");
        assertEquals(24.5, allies.getUpperBound(), 1e-9);
        assertTrue(allies.getLabel().length() <= 20, "a label short enough for 3.5 in: " + allies.getLabel());
        // The recorded count is a cased line (wide black, narrow white on top), unlike the median (solid
        // black) and the naive band (dotted), so the three stay apart where they meet.
        XYPlot plot = (XYPlot) f.chart().getPlot();
        var recorded = plot.getRenderer(0);
        assertEquals(java.awt.Color.WHITE, recorded.getSeriesPaint(1));
        float casing = ((java.awt.BasicStroke) recorded.getSeriesStroke(0)).getLineWidth();
        float core = ((java.awt.BasicStroke) recorded.getSeriesStroke(1)).getLineWidth();
        float median = ((java.awt.BasicStroke) plot.getRenderer(1).getSeriesStroke(0)).getLineWidth();
        assertTrue(casing > median + 1 && core < casing, casing + " / " + core + " against " + median);
        assertTrue(((java.awt.BasicStroke) plot.getRenderer(2).getSeriesStroke(0)).getDashArray() != null,
                "the naive band is dotted");
    }

    @Test
    void aSweepOverOneParameterDrawsTheMeanAgainstItWithAnInterval() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sweep"));
        List<String> header = new ArrayList<>(List.of(Columns.POINT, "patrons.japan.engagementScale"));
        header.addAll(SweepTables.OUTPUT_COLUMNS);
        StringBuilder csv = new StringBuilder(String.join(",", header) + "\n");
        for (int p = 0; p < 3; p++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(p), Integer.toString(p)));
            for (String c : SweepTables.OUTPUT_COLUMNS) {
                row.add(c.equals(Columns.REPLICATIONS) ? "100" : c.equals(Columns.ALLIES_MEAN) ? Double.toString(9 + p)
                        : "0.1");
            }
            csv.append(String.join(",", row)).append("\n");
        }
        Files.writeString(folder.resolve(SweepTables.SWEEP), csv.toString());
        var manifest = new ObjectMapper().createObjectNode();
        manifest.putObject(Manifest.SWEEP).put(Manifest.DESIGN, Manifest.GRID);
        List<Figure> figures = SweepCharts.all(folder, manifest, ChartWidth.FULL, false);
        assertEquals(List.of("sweep_allies", "sweep_gdp_share"), figures.stream().map(Figure::name).toList());
        XYPlot plot = (XYPlot) figures.get(0).chart().getPlot();
        assertEquals("Japan engagement scale", plot.getDomainAxis().getLabel(), "the plain label, not the path");
        assertEquals(11.0, plot.getDataset(0).getYValue(0, 2), 1e-12);
        org.jfree.data.xy.IntervalXYDataset band = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset(1);
        double half = 0.1 * new org.apache.commons.math3.distribution.TDistribution(99).inverseCumulativeProbability(
                0.975);
        assertEquals(9 - half, band.getStartYValue(0, 0), 1e-9, "the mean's 95% t interval from its standard error");
    }

    @Test
    void negativeNumbersOnChartsTakeATrueMinusSign() {
        assertEquals("\u22120.5", ChartWriter.number(-0.5, 4));
        assertEquals("0", ChartWriter.number(-0.00001, 4), "no sign on a value that rounds to zero");
        assertEquals("\u22120.25", ChartStyle.signedTickUnits().getCeilingTickUnit(0.2).valueToString(-0.25));
    }
}
