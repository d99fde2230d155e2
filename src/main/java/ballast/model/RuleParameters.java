package ballast.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights, rates and windows of the decision rule
 * {@code hazard = 1 - exp(-dt * baseRate * exp(pull - ballast))}.
 * Each term's weight is in log-hazard units per unit of the term's value ({@link Term}).
 *
 * @param toPrcPerYear base rate of leaving Taipei for Beijing, per state-year, at pull = ballast
 * @param toRocPerYear base rate of leaving Beijing for Taipei, per state-year, at pull = ballast
 * @param weights the weight of every term
 * @param contagionWindowMonths how long a neighbour's switch counts, &ge; 1
 * @param newGovernmentWindowMonths how long a new government counts as new, &ge; 0
 * @param gdpFloorUsdMillions GDP used in ratios when a state's GDP is smaller (avoids division by 0), &gt; 0
 * @param sameRegionLinkWeight weight of the contagion link between two states of one sub-region, &ge; 0
 */
public record RuleParameters(
        double toPrcPerYear,
        double toRocPerYear,
        Map<Term, Double> weights,
        int contagionWindowMonths,
        int newGovernmentWindowMonths,
        double gdpFloorUsdMillions,
        double sameRegionLinkWeight) {

    public RuleParameters {
        Checks.atLeast("toPrcPerYear", toPrcPerYear, 0);
        Checks.atLeast("toRocPerYear", toRocPerYear, 0);
        EnumMap<Term, Double> w = new EnumMap<>(Term.class);
        for (Term t : Term.all()) {
            Double v = weights.get(t);
            w.put(t, v == null ? t.defaultWeight() : Checks.finite(t.key(), v));
        }
        weights = Collections.unmodifiableMap(w);
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

    /** The defaults of every term and setting (the README's parameter table). */
    public static RuleParameters defaults() {
        return new RuleParameters(0.036, 0.005, Map.of(), 24, 12, 50.0, 1.0);
    }

    /** Returns the weight of {@code term}. */
    public double weight(Term term) {
        return weights.get(term);
    }

    /** Returns a copy with {@code term}'s weight replaced. */
    public RuleParameters withWeight(Term term, double weight) {
        EnumMap<Term, Double> w = new EnumMap<>(weights);
        w.put(term, weight);
        return new RuleParameters(toPrcPerYear, toRocPerYear, w, contagionWindowMonths, newGovernmentWindowMonths,
                gdpFloorUsdMillions, sameRegionLinkWeight);
    }

    /** Returns a copy with the base rates replaced. */
    public RuleParameters withBaseRates(double toPrc, double toRoc) {
        return new RuleParameters(toPrc, toRoc, weights, contagionWindowMonths, newGovernmentWindowMonths,
                gdpFloorUsdMillions, sameRegionLinkWeight);
    }

    /** Returns every value under its name in a scenario's {@code rule:} section, in the README's order. */
    public Map<String, Object> asScenarioMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("toPrcPerYear", toPrcPerYear);
        m.put("toRocPerYear", toRocPerYear);
        for (Term t : Term.all()) {
            m.put(t.key(), weights.get(t));
        }
        m.put("contagionWindowMonths", contagionWindowMonths);
        m.put("newGovernmentWindowMonths", newGovernmentWindowMonths);
        m.put("gdpFloorUsdMillions", gdpFloorUsdMillions);
        m.put("sameRegionLinkWeight", sameRegionLinkWeight);
        return m;
    }
}
