package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.ScheduledEvent;
import ballast.model.Side;
import ballast.model.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryFieldOfTheTinyScenario() throws Exception {
        Scenario s = ScenarioLoader.load(Fixtures.copyTiny(dir));
        ModelParameters p = s.parameters();
        assertEquals("tiny", s.name());
        assertEquals(42, s.seed());
        assertEquals(YearMonth.of(2030, 1), p.start());
        assertEquals(24, p.horizonMonths());
        assertEquals(List.of("TUV", "PLW", "PRY"), p.countries().stream().map(CountrySpec::code).toList());
        CountrySpec tuv = p.countries().get(0);
        assertEquals(100, tuv.gdpUsdMillions());
        assertEquals(0.5, tuv.stance());
        assertEquals(-0.5, tuv.oppositionStance());
        assertEquals(YearMonth.of(2030, 6), tuv.nextElection());
        assertEquals(12, tuv.termMonths());
        PatronSpec prc = p.patrons().get(0);
        assertEquals(PatronRole.RECOGNISER, prc.role());
        assertEquals(Side.PRC, prc.side());
        assertEquals("cheapest-flip", prc.strategy());
        assertEquals(200, prc.budgetUsdMillionsPerYear());
        assertEquals(new ScheduledEvent.Shock(YearMonth.of(2030, 3), "PRY", 0.2, 6), p.events().get(0));
        assertEquals(List.of(dir.resolve("tiny.yaml"), dir.resolve("states.csv")), s.sources());
    }

    @Test
    void extendsOverridesOneFieldKeepsItsSiblingsAndAppendsEvents() throws Exception {
        Fixtures.copyTiny(dir);
        Path child = Files.writeString(dir.resolve("child.yaml"), """
                extends: tiny.yaml
                name: child
                patrons:
                  prc: {budgetUsdMillionsPerYear: 900}
                events:
                  - {type: election, month: 2030-09, country: PLW, change: true}
                """);
        ModelParameters p = ScenarioLoader.load(child).parameters();
        PatronSpec prc = p.patrons().stream().filter(x -> x.id().equals("prc")).findFirst().orElseThrow();
        assertEquals(900, prc.budgetUsdMillionsPerYear());
        assertEquals("cheapest-flip", prc.strategy(), "a sibling key of the override is kept");
        assertEquals(0.0, prc.aidShare());
        assertEquals(2, p.events().size(), "the child's events come after the parent's");
        assertEquals(new ScheduledEvent.Election(YearMonth.of(2030, 9), "PLW", Boolean.TRUE), p.events().get(1));
        assertEquals(24, p.horizonMonths());
    }

    @Test
    void readsTargetsEarmarksAndTheirEvents() throws Exception {
        Fixtures.copyTiny(dir);
        Path child = Files.writeString(dir.resolve("aimed.yaml"), """
                extends: tiny.yaml
                patrons:
                  japan: {targets: {exclude: [PRY]}}
                  usa: {targets: {include: [north]}}
                  roc: {earmarks: {TUV: 12.5}}
                events:
                  - {type: patron, month: 2030-07, patron: japan, targets: {include: [PRY, TUV]}}
                  - {type: patron, month: 2030-08, patron: roc, earmarks: {TUV: 0, PLW: 3}}
                  - {type: election, month: 2030-09, country: PLW, change: false, extra: true}
                """);
        ModelParameters p = ScenarioLoader.load(child).parameters();
        PatronSpec japan = p.patrons().stream().filter(x -> x.id().equals("japan")).findFirst().orElseThrow();
        assertEquals(new Targets(false, List.of("PRY")), japan.targets());
        PatronSpec usa = p.patrons().stream().filter(x -> x.id().equals("usa")).findFirst().orElseThrow();
        assertEquals(new Targets(true, List.of("north")), usa.targets());
        PatronSpec roc = p.patrons().stream().filter(x -> x.id().equals("roc")).findFirst().orElseThrow();
        assertEquals(Map.of("TUV", 12.5), roc.earmarksUsdMillionsPerYear());
        assertEquals(Targets.ALL, roc.targets(), "a patron without targets aims at every state");
        assertEquals(new ScheduledEvent.PatronChange(YearMonth.of(2030, 7), "japan", null, null, null, null,
                new Targets(true, List.of("PRY", "TUV")), Map.of()), p.events().get(1));
        assertEquals(List.of("TUV", "PLW"), List.copyOf(
                ((ScheduledEvent.PatronChange) p.events().get(2)).earmarks().keySet()), "earmarks keep file order");
        assertEquals(new ScheduledEvent.Election(YearMonth.of(2030, 9), "PLW", Boolean.FALSE, true), p.events().get(3));
    }

    @Test
    void everyShippedScenarioLoads() throws Exception {
        List<Path> files = Fixtures.shippedScenarios();
        assertTrue(files.size() >= 5, "baseline and four counterfactuals ship");
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f);
            String name = f.getFileName().toString();
            if (name.startsWith("backtest-")) {
                // Historical: the allies of 1 January of the start year, from the record (29 in 2000, 24 in
                // 2008 with Malawi, whose break was public on 2008-01-14, 22 in 2016), with a record to score.
                int year = name.contains("2000") ? 2000 : name.contains("2016") ? 2016 : 2008;
                assertEquals(Map.of(2000, 29, 2008, 24, 2016, 22).get(year), s.parameters().countries().size(), name);
                assertEquals(YearMonth.of(year, 1), s.parameters().start(), name);
                assertEquals(name.contains("rolling") ? YearMonth.of(2008, 12) : YearMonth.of(2024, 12),
                        s.parameters().end(), name);
                assertTrue(s.record() != null && s.record().training() != null, name);
                assertEquals(name.contains("rolling"), s.record().rolling(), name);
                continue;
            }
            if (name.equals("calibration.yaml")) {
                // Every state of the panel, from 1990, with its training window.
                assertEquals(42, s.parameters().countries().size());
                assertEquals(YearMonth.of(1990, 1), s.parameters().start());
                assertEquals(YearMonth.of(2007, 12), s.calibrate().trainTo());
                continue;
            }
            assertNull(s.record(), f.toString());
            assertEquals(12, s.parameters().countries().size(), f.toString());
            assertEquals(YearMonth.of(2025, 7), s.parameters().start(), f.toString());
            assertEquals(120, s.parameters().horizonMonths(), f.toString());
        }
    }

    @Test
    void counterfactualsChangeOnlyTheirLever() throws Exception {
        ModelParameters base = ScenarioLoader.load(Fixtures.SCENARIOS.resolve("baseline.yaml")).parameters();
        ModelParameters noJapan = ScenarioLoader.load(Fixtures.SCENARIOS.resolve("no-japan.yaml")).parameters();
        assertEquals(base.countries(), noJapan.countries());
        assertEquals(base.rule(), noJapan.rule());
        assertEquals(0.0, noJapan.patrons().stream().filter(p -> p.id().equals("japan")).findFirst().orElseThrow()
                .engagementScale());
        assertFalse(base.events().isEmpty());
    }

    /** The facts of the record in shared/data/README.md: Guatemala and Paraguay dominate the group. */
    @Test
    void guatemalaAndParaguayHoldMostOfTheAlliesGdpAndPopulation() throws Exception {
        List<CountrySpec> allies = ScenarioLoader.load(Fixtures.SCENARIOS.resolve("baseline.yaml")).parameters()
                .countries();
        double gdp = 0, pop = 0, bigGdp = 0, bigPop = 0;
        for (CountrySpec c : allies) {
            gdp += c.gdpUsdMillions();
            pop += c.population();
            if (c.code().equals("GTM") || c.code().equals("PRY")) {
                bigGdp += c.gdpUsdMillions();
                bigPop += c.population();
            }
        }
        assertEquals(82, 100 * bigGdp / gdp, 2);
        assertEquals(65, 100 * bigPop / pop, 2);
    }
}
