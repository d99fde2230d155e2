package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Regional contagion over the MASON network. */
class ContagionTest {

    private static RecognitionModel world(double toPrc, int windowMonths) {
        Worlds.State leaver = new Worlds.State("NIC");
        Worlds.State neighbour = new Worlds.State("HND");
        Worlds.State faraway = new Worlds.State("SWZ");
        faraway.region = "south";
        RuleParameters rule = Worlds.rule(toPrc, 0, windowMonths, 1.5, Term.CONTAGION, 0.4);
        return new RecognitionModel(Worlds.world(List.of(leaver, neighbour, faraway), Worlds.idlePatrons(), rule,
                List.of(), 12));
    }

    @Test
    void statesOfOneRegionAreLinkedWithTheSameRegionWeight() {
        RecognitionModel model = world(0, 24);
        assertEquals(1, model.network().getEdges(model.country("NIC"), null).numObjs);
        assertEquals(0, model.network().getEdges(model.country("SWZ"), null).numObjs);
        sim.field.network.Edge e = (sim.field.network.Edge) model.network().getEdges(model.country("NIC"), null).objs[0];
        assertEquals(1.5, e.getWeight(), 0.0);
    }

    @Test
    void neighboursThatWentTheSameWayDoNotPull() {
        // All three switch in month 0 (certain hazard, then no way back). Contagion is counted toward
        // the rival of a state's side, so states now on Beijing's side are not pulled by neighbours
        // that also went to Beijing (the pull of a neighbour that stayed is the next test's).
        RecognitionModel model = world(10_000, 3);
        Worlds.step(model, 5, 1);
        for (String iso3 : List.of("NIC", "HND", "SWZ")) {
            assertEquals(Side.PRC, model.country(iso3).side(), iso3);
            assertEquals(0.0, model.country(iso3).contagion(1), 0.0, iso3);
            assertEquals(0.0, model.country(iso3).contagion(2), 0.0, iso3);
        }
    }

    @Test
    void switchesOfTheCurrentTickDoNotCountButEarlierOnesDo() {
        Worlds.State a = new Worlds.State("NIC");
        Worlds.State b = new Worlds.State("HND");
        b.stance = 1;       // held firmly: hazard e^-20 times the base rate
        RuleParameters rule = Worlds.rule(10_000, 0, 2, 1.0, Term.CONTAGION, 0.4, Term.STANCE, 20);
        RecognitionModel model = new RecognitionModel(Worlds.world(List.of(a, b), Worlds.idlePatrons(), rule,
                List.of(), 12));
        Worlds.step(model, 9, 1);
        Country nic = model.country("NIC");
        Country hnd = model.country("HND");
        assertEquals(Side.PRC, nic.side());
        assertEquals(Side.ROC, hnd.side());
        assertEquals(0.0, hnd.contagion(0), 0.0);     // NIC switched in tick 0 itself
        assertEquals(1.0, hnd.contagion(1), 0.0);     // one link of weight 1 in tick 1
        assertEquals(1.0, hnd.contagion(2), 0.0);     // window of 2 months: still counts in tick 2
        assertEquals(0.0, hnd.contagion(3), 0.0);     // and no longer in tick 3
    }
}
