package ballast.model;

/**
 * Weights, rates and windows of the decision rule
 * {@code hazard = 1 - exp(-dt * baseRate * exp(pull - ballast))}.
 * Weights are in log-hazard units per unit of their term (see the README's parameter table).
 *
 * @param toPrcPerYear base rate of leaving Taipei for Beijing, per state-year, at pull = ballast
 * @param toRocPerYear base rate of leaving Beijing for Taipei, per state-year, at pull = ballast
 * @param offerWeight weight on ln(1 + rival's offer in % of GDP)
 * @param exposureWeight weight on economic exposure to the PRC (pull toward Beijing, ballast once there)
 * @param contagionWeight weight on the summed link weight of neighbours that recently switched the same way
 * @param fragilityWeight weight on fragility times ln(1 + offer in % of GDP)
 * @param newGovernmentWeight added to pull in the months after a change of government
 * @param aidWeight weight on ln(1 + current patron's aid in % of GDP)
 * @param engagementWeight weight on ln(1 + partners' engagement points)
 * @param backingWeight weight on the backers' summed backing level
 * @param affinityWeight weight on structural affinity to Taipei
 * @param stanceWeight weight on the government's stance toward Taipei
 * @param contagionWindowMonths how long a neighbour's switch counts, &ge; 1
 * @param newGovernmentWindowMonths how long a new government counts as new, &ge; 0
 * @param gdpFloorUsdMillions GDP used in ratios when a state's GDP is smaller (avoids division by 0), &gt; 0
 * @param sameRegionLinkWeight weight of the contagion link between two states of one region, &ge; 0
 */
public record RuleParameters(
        double toPrcPerYear,
        double toRocPerYear,
        double offerWeight,
        double exposureWeight,
        double contagionWeight,
        double fragilityWeight,
        double newGovernmentWeight,
        double aidWeight,
        double engagementWeight,
        double backingWeight,
        double affinityWeight,
        double stanceWeight,
        int contagionWindowMonths,
        int newGovernmentWindowMonths,
        double gdpFloorUsdMillions,
        double sameRegionLinkWeight) {

    public RuleParameters {
        Checks.atLeast("toPrcPerYear", toPrcPerYear, 0);
        Checks.atLeast("toRocPerYear", toRocPerYear, 0);
        Checks.finite("offerWeight", offerWeight);
        Checks.finite("exposureWeight", exposureWeight);
        Checks.finite("contagionWeight", contagionWeight);
        Checks.finite("fragilityWeight", fragilityWeight);
        Checks.finite("newGovernmentWeight", newGovernmentWeight);
        Checks.finite("aidWeight", aidWeight);
        Checks.finite("engagementWeight", engagementWeight);
        Checks.finite("backingWeight", backingWeight);
        Checks.finite("affinityWeight", affinityWeight);
        Checks.finite("stanceWeight", stanceWeight);
        if (contagionWindowMonths < 1) {
            throw new IllegalArgumentException("contagionWindowMonths must be at least 1, got " + contagionWindowMonths);
        }
        if (newGovernmentWindowMonths < 0) {
            throw new IllegalArgumentException("newGovernmentWindowMonths must be at least 0, got "
                    + newGovernmentWindowMonths);
        }
        Checks.positive("gdpFloorUsdMillions", gdpFloorUsdMillions);
        Checks.atLeast("sameRegionLinkWeight", sameRegionLinkWeight, 0);
    }
}
