package ballast.scenario;

import ballast.model.RuleParameters;

/** Reads the {@code rule} section: weights, base rates and windows of the decision rule. */
final class RuleReader {
    private static final double W = 20; // no weight beyond +-20 log-hazard units makes sense

    private RuleReader() {
    }

    static RuleParameters read(Fields f) {
        RuleParameters d = Defaults.RULE;
        if (f == null) {
            return d; // not a mapping: reported
        }
        RuleParameters r = new RuleParameters(
                f.number("toPrcPerYear", d.toPrcPerYear(), 0, 100),
                f.number("toRocPerYear", d.toRocPerYear(), 0, 100),
                f.number("offer", d.offerWeight(), -W, W),
                f.number("exposure", d.exposureWeight(), -W, W),
                f.number("contagion", d.contagionWeight(), -W, W),
                f.number("fragility", d.fragilityWeight(), -W, W),
                f.number("newGovernment", d.newGovernmentWeight(), -W, W),
                f.number("aid", d.aidWeight(), -W, W),
                f.number("engagement", d.engagementWeight(), -W, W),
                f.number("backing", d.backingWeight(), -W, W),
                f.number("affinity", d.affinityWeight(), -W, W),
                f.number("stance", d.stanceWeight(), -W, W),
                (int) f.integer("contagionWindowMonths", d.contagionWindowMonths(), 1, 600, false),
                (int) f.integer("newGovernmentWindowMonths", d.newGovernmentWindowMonths(), 0, 600, false),
                f.number("gdpFloorUsdMillions", d.gdpFloorUsdMillions(), 0.001, 1e9),
                f.number("sameRegionLinkWeight", d.sameRegionLinkWeight(), 0, 100));
        f.finish();
        return r;
    }
}
