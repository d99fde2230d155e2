package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import ballast.model.RunEvent;
import ballast.model.RunResult;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three scenarios of the README's worked example pull the lever their comments describe. */
class WorkedExampleTest {

    private static Scenario load(String name) throws Exception {
        return ScenarioLoader.load(Path.of("scenarios", name + ".yaml"));
    }

    private static int index(List<String> ids, String id) {
        int i = ids.indexOf(id);
        assertTrue(i >= 0, id);
        return i;
    }

    private static int patron(ModelParameters p, String id) {
        return index(p.patrons().stream().map(x -> x.id()).toList(), id);
    }

    private static int state(ModelParameters p, String code) {
        return index(p.countries().stream().map(x -> x.code()).toList(), code);
    }

    @Test
    void haitisGovernmentChangesOnceInDecember2026InEveryRun() throws Exception {
        Scenario s = load("haiti-beijing-government");
        for (long i = 0; i < 20; i++) {
            List<RunEvent> haiti2026 = SingleRun.run(s, i).events().stream()
                    .filter(e -> e.event().equals("election") && e.country().equals("HTI") && e.month().getYear() == 2026)
                    .toList();
            assertEquals(1, haiti2026.size(), "one election in 2026");
            assertEquals(YearMonth.of(2026, 12), haiti2026.get(0).month());
            assertEquals("change", haiti2026.get(0).detail());
            assertEquals(-0.5, haiti2026.get(0).value(), 0.0, "the new government's stance, whatever came before");
        }
    }

    @Test
    void japanSpendsNothingOnParaguayFrom2026AndAllItsBudgetElsewhere() throws Exception {
        Scenario s = load("japan-leaves-paraguay");
        ModelParameters p = s.parameters();
        int japan = patron(p, "japan");
        int pry = state(p, "PRY");
        RunResult r = SingleRun.run(s, 0);
        MoneyRecord m = r.money();
        int january2026 = p.tickOf(YearMonth.of(2026, 1));
        assertTrue(m.usdMillionsPerYear(january2026 - 1, japan, pry) > 0, "engaged in 2025");
        for (int t = january2026; t < r.ticks(); t++) {
            assertEquals(0.0, m.usdMillionsPerYear(t, japan, pry), 0.0);
            assertEquals(0.0, m.points(t, japan, pry), 0.0);
            double total = 0;
            for (int i = 0; i < p.countries().size(); i++) {
                total += m.usdMillionsPerYear(t, japan, i);
            }
            assertEquals(60.0, total, 1e-9, "Japan's 60 a year go to the other allies");
        }
    }

    @Test
    void beijingOffersDoubleIn2027Only() throws Exception {
        Scenario s = load("prc-surge-2027");
        ModelParameters p = s.parameters();
        int prc = patron(p, "prc");
        MoneyRecord m = SingleRun.run(s, 0).money();
        for (int year : new int[] {2026, 2027, 2028}) {
            int t = p.tickOf(YearMonth.of(year, 6));
            double offered = 0;
            for (int i = 0; i < p.countries().size(); i++) {
                offered += m.kind(t, prc, i) == MoneyKind.OFFER ? m.usdMillionsPerYear(t, prc, i) : 0.0;
            }
            // 90% of the budget is offered (aid share 0.1).
            assertEquals(year == 2027 ? 2700.0 : 1350.0, offered, 1e-6, "offers in June " + year);
        }
    }
}
