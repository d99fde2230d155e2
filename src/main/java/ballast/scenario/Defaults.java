package ballast.scenario;

import ballast.model.RuleParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Default values of every scenario parameter. The README's parameter table gives each one's unit
 * and source or rationale; keep the two in step.
 */
public final class Defaults {
    private Defaults() {
    }

    /** Master seed when a scenario names none. */
    public static final long SEED = 1;
    public static final int TICK_MONTHS = 1;

    /** The decision rule's defaults: each term's default is stated with the term ({@link ballast.model.Term}). */
    public static final RuleParameters RULE = RuleParameters.defaults();

    // Country attributes a scenario does not set.
    public static final double PRC_EXPOSURE = 0.2;
    public static final double AFFINITY = 0.0;
    public static final double OFFER_SENSITIVITY = 1.0;
    public static final double STANCE = 0.0;
    public static final double OPPOSITION_STANCE = 0.0;
    public static final double FRAGILITY = 0.3;
    public static final double GOVERNMENT_CHANGE_PROBABILITY = 0.4;

    // Patron attributes a scenario does not set.
    public static final double BUDGET_USD_MILLIONS_PER_YEAR = 0.0;
    public static final double AID_SHARE = 0.5;
    public static final double ENGAGEMENT_HALF_LIFE_MONTHS = 24.0;
    public static final double USD_MILLIONS_PER_ENGAGEMENT_POINT = 25.0;
    public static final double ENGAGEMENT_SCALE = 1.0;
    public static final double BACKING = 0.0;

    /** Engagement points per kind of engagement (the kinds of {@code japan-engagement.csv}). */
    public static Map<String, Double> engagementPoints() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("partnership_upgrade", 3.0);
        m.put("summit", 1.0);
        m.put("aid", 1.0);
        m.put("ministerial_visit", 0.5);
        m.put("ministerial", 0.5);
        m.put("multilateral_summit", 0.25);
        m.put("multilateral_ministerial", 0.25);
        return m;
    }
}
