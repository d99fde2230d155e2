package ballast.model;

/**
 * Read access to what one replication recorded: the monthly path of Taipei's allies, every
 * switch, by position, and the money patrons spent. {@link RunResult} is a kept copy; {@link RecognitionModel#simulate(long)}
 * returns the model's own record, which a batch summarises without copying and which the next run
 * overwrites.
 */
public interface RunRecord {
    /** Returns the number of ticks recorded. */
    int ticks();

    /** Returns the number of Taipei's allies at the end of {@code tick}. */
    int rocAlliesAt(int tick);

    /** Returns the share of the group's GDP with Taipei at the end of {@code tick}, in [0, 1]. */
    double rocGdpShareAt(int tick);

    /** Returns the share of the group's population with Taipei at the end of {@code tick}, in [0, 1]. */
    double rocPopulationShareAt(int tick);

    /** Returns the number of switches, in the order they happened. */
    int switchCount();

    /** Returns the tick of switch {@code k}. */
    int switchTick(int k);

    /** Returns the scenario index of the state that made switch {@code k}. */
    int switchState(int k);

    /** Returns the side switch {@code k} went to. */
    Side switchTo(int k);

    /** Returns the switching probability in the tick of switch {@code k}. */
    double switchHazard(int k);

    /** Returns the value of {@code term} at switch {@code k}. */
    double switchTerm(int k, Term term);

    /**
     * Returns the money patrons spent on each state, by tick and summed by calendar year. The model's
     * record and {@link RunResult} keep it; a stand-in that keeps none (a test's hand-made path) says so.
     *
     * @throws UnsupportedOperationException if this record keeps no money
     */
    default MoneyRecord money() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no record of money");
    }
}
