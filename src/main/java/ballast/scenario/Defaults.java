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

    /** The decision rule's defaults. */
    public static final RuleParameters RULE = new RuleParameters(
            0.036, // toPrcPerYear: 30 moves to the PRC in 836 ally-years, 1990-2024
            0.005, // toRocPerYear: 10 returns to Taipei in ~1,817 ex-ally-years on Beijing's side, 1990-2024
            0.35,  // offer
            1.0,   // exposure
            0.4,   // contagion
            0.5,   // fragility
            1.2,   // newGovernment: relative risk ~3.4 in the 12 months after a change of government
            0.35,  // aid
            0.4,   // engagement
            0.5,   // backing
            1.0,   // affinity
            1.0,   // stance
            24,    // contagionWindowMonths
            12,    // newGovernmentWindowMonths
            50.0,  // gdpFloorUsdMillions
            1.0);  // sameRegionLinkWeight

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
