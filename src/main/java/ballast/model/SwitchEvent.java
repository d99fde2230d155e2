package ballast.model;

import java.time.YearMonth;
import java.util.Arrays;

/**
 * One change of recognition, with the terms of pull and ballast at that moment so a user can ask
 * why it happened.
 *
 * @param tick tick of the switch (0 = first simulated month)
 * @param month month of the switch
 * @param country ISO3 code
 * @param from side recognised before
 * @param to side recognised after
 * @param hazard switching probability in that tick
 * @param terms the terms, indexed by {@link Term#ordinal()}
 */
public record SwitchEvent(int tick, YearMonth month, String country, Side from, Side to, double hazard,
        double[] terms) {

    public SwitchEvent {
        terms = terms.clone();
    }

    /** Returns the value of one term. */
    public double term(Term term) {
        return terms[term.ordinal()];
    }

    /** Returns a copy of the terms. */
    @Override
    public double[] terms() {
        return terms.clone();
    }

    /** Returns the summed pull. */
    public double pull() {
        return DecisionRule.pull(terms);
    }

    /** Returns the summed ballast. */
    public double ballast() {
        return DecisionRule.ballast(terms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwitchEvent e && tick == e.tick && month.equals(e.month) && country.equals(e.country)
                && from == e.from && to == e.to && Double.compare(hazard, e.hazard) == 0
                && Arrays.equals(terms, e.terms);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(tick, month, country, from, to, hazard) + Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return month + " " + country + " " + from.code() + "->" + to.code() + " hazard=" + hazard;
    }
}
