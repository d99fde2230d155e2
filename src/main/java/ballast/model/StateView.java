package ballast.model;

/**
 * A state in a tick as the terms of the rule read it ({@link Term#coefficient}): the model's
 * {@link Country}, or a plain-array stand-in that computes the same values (the benchmark's reference
 * loop), so that both iterate the one list of terms.
 */
public interface StateView {
    /** Returns the fixed attributes. */
    CountrySpec spec();

    /** Returns whether the state recognises Taipei now. */
    boolean onTaipeiSide();

    /** Returns the current government's stance toward Taipei in [-1, 1]. */
    double stance();

    /** Returns the extra fragility of active shocks. */
    double shockFragility();

    /** Returns the summed link weight of recent switches to the rival in its sub-region (see {@link Country#contagion}). */
    double contagion(int tick);

    /** Returns whether its government is within the new-government window at {@code tick}. */
    boolean isNewGovernment(int tick);

    /** Returns ln(1 + engagement points of the active partners of its side). */
    double engagementValue();

    /** Returns the summed backing of the active backers of its side that aim at it. */
    double backing();

    /** Returns this year's population as the model knows it (the year before's figure). */
    double population();

    /** Returns this year's GDP as the model knows it (the year before's figure), US$ millions. */
    double gdpUsdMillions();

    /** Returns {@code column}'s value in the year before the current one, or {@code fallback}. */
    double yearly(String column, double fallback);

    /** Returns whether it has recognised Beijing before. */
    boolean priorPrcTies();

    /** Returns whether Taipei's president is of the DPP at {@code tick}. */
    boolean taipeiDpp(int tick);

    /** Returns whether Beijing's posture is a truce at {@code tick}. */
    boolean truce(int tick);
}
