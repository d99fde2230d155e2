package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.Side;
import ballast.scenario.YNode.Source;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The record as scenarios read it: sides from the switches, the panel's allies, what is known when. */
class HistoryTest {
    private static final Path DATA = Path.of("scenarios/data");

    private static History history(YearMonth start, Set<String> known) {
        Problems problems = new Problems();
        Source at = new Source(DATA.resolve("x.yaml"), 1, 1);
        History h = new History(start, known,
                RecordTables.panel(DATA.resolve("state-year-panel.csv"), at, "data.panel", problems),
                RecordTables.switches(DATA.resolve("recognition-switches.csv"), at, "data.switches", problems),
                RecordTables.governmentChanges(DATA.resolve("government-changes.csv"), at, "data.governmentChanges",
                        problems),
                RecordTables.taipeiGovernments(DATA.resolve("taipei-government.csv"), at, "data.taipeiGovernments",
                        problems));
        assertTrue(problems.isEmpty(), "the shipped tables read without problems");
        return h;
    }

    @Test
    void sidesFromTheSwitchesAgreeWithThePanelsAlliesOnEveryFirstJanuary() {
        History h = history(YearMonth.of(1990, 1), Set.of());
        int checked = 0;
        for (var state : h.panel.values()) {
            for (var e : state.allyOnFirstJanuary().entrySet()) {
                Side side = h.sideBefore(state.code(), YearMonth.of(e.getKey(), 1));
                assertEquals(e.getValue(), side == Side.ROC, state.code() + " on 1 January " + e.getKey());
                checked++;
            }
        }
        assertEquals(42 * 35, checked);
    }

    @Test
    void alliesAtTheBackTestStartsMatchTheRecordedCounts() {
        // allies-count-by-year.csv: 29 (2000), 24 (2008, Malawi's break public on 2008-01-14), 22 (2016).
        for (Map.Entry<Integer, Integer> e : Map.of(2000, 29, 2008, 24, 2016, 22).entrySet()) {
            assertEquals(e.getValue(), history(YearMonth.of(e.getKey(), 1), Set.of()).statesAtStart(false).size(),
                    "allies on 1 January " + e.getKey());
        }
    }

    @Test
    void nothingAfterTheStartIsKnownUnlessTheScenarioSaysSo() {
        YearMonth start = YearMonth.of(2008, 1);
        History strict = history(start, Set.of());
        var pan = strict.record("PAN");
        // The panel is cut at the year before the start; governments change at random after it.
        assertEquals(2007, pan.yearly().lastYear());
        assertEquals(start.minusMonths(1), pan.governmentRecordEnd());
        assertTrue(pan.governmentChanges().stream().allMatch(m -> m.isBefore(start)));
        // Taipei's governments: the one in office at the start goes on (Chen, DPP, no truce).
        List<ballast.model.Setting.TaipeiGovernment> taipei = strict.setting().taipeiGovernments();
        assertEquals("Chen Shui-bian", taipei.get(taipei.size() - 1).president());

        History known = history(start, Set.of("taipeiGovernments", "governmentChanges", "panel"));
        assertTrue(known.setting().taipeiIn(YearMonth.of(2010, 1)).truce(), "Ma's truce, as it came");
        assertEquals(2024, known.record("PAN").yearly().lastYear());
        assertTrue(known.record("PAN").governmentChanges().stream().anyMatch(m -> m.isAfter(start)));
    }

    @Test
    void everyValueColumnOfThePanelBecomesAYearlySeriesATermCanRead(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // A covariate from a new column needs no reader change: the panel keeps every value column.
        List<String> lines = java.nio.file.Files.readAllLines(DATA.resolve("state-year-panel.csv"));
        List<String> extended = new java.util.ArrayList<>();
        extended.add(lines.get(0) + ",prc_trade_share");
        for (String line : lines.subList(1, lines.size())) {
            extended.add(line + "," + (line.startsWith("GTM,Guatemala,2023") ? "0.147" : "NA"));
        }
        Path panel = java.nio.file.Files.write(dir.resolve("panel.csv"), extended);
        Problems problems = new Problems();
        var states = RecordTables.panel(panel, new Source(panel, 1, 1), "data.panel", problems);
        assertTrue(problems.isEmpty());
        var gtm = History.yearly(states.get("GTM"));
        assertEquals(0.147, gtm.value("prc_trade_share", 2024, 0.0), 0.0);
        assertEquals(0.147, gtm.value("prc_trade_share", 1995, 0.0), 0.0, "the first known value, carried back");
        assertEquals(0.0, History.yearly(states.get("PRY")).value("prc_trade_share", 2024, 0.0), 0.0, "no value: the fallback");
    }

    @Test
    void ownHistoryCountsSwitchesAwayFromBeijingButNotFirstRecognitions() {
        History h = history(YearMonth.of(2016, 1), Set.of());
        assertTrue(h.record("KIR").priorPrcTies(), "Kiribati recognised Beijing until 2003");
        assertTrue(h.record("NIC").priorPrcTies(), "Nicaragua: Beijing 1985-1990");
        assertTrue(!h.record("PLW").priorPrcTies(), "Palau's first recognition (1999) was of Taipei");
        assertTrue(!h.record("GTM").priorPrcTies(), "Guatemala never recognised Beijing");
    }
}
