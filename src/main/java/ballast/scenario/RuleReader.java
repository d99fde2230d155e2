package ballast.scenario;

import ballast.model.RuleParameters;
import ballast.model.Term;
import java.util.EnumMap;
import java.util.Map;

/** Reads the {@code rule} section: the base rates, the weight of every {@link Term}, and the windows. */
final class RuleReader {
    private RuleReader() {
    }

    static RuleParameters read(Fields f) {
        RuleParameters d = Defaults.RULE;
        if (f == null) {
            return d; // not a mapping: reported
        }
        double toPrc = f.number("toPrcPerYear", d.toPrcPerYear(), 0, 100);
        double toRoc = f.number("toRocPerYear", d.toRocPerYear(), 0, 100);
        Map<Term, Double> weights = new EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            weights.put(t, f.number(t.key(), d.weight(t), -Term.MAX_WEIGHT, Term.MAX_WEIGHT));
        }
        RuleParameters r = new RuleParameters(toPrc, toRoc, weights,
                (int) f.integer("contagionWindowMonths", d.contagionWindowMonths(), 1, 600, false),
                (int) f.integer("newGovernmentWindowMonths", d.newGovernmentWindowMonths(), 0, 600, false),
                f.number("gdpFloorUsdMillions", d.gdpFloorUsdMillions(), 0.001, 1e9),
                f.number("sameRegionLinkWeight", d.sameRegionLinkWeight(), 0, 100));
        f.finish();
        return r;
    }
}
