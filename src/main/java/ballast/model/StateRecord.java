package ballast.model;

import java.time.YearMonth;
import java.util.List;

/**
 * What the historical record says about one state, as far as a scenario takes it as known: its
 * yearly data (size, income, US free association), whether it has recognised Beijing before, and
 * its recorded changes of government.
 *
 * @param yearly yearly data from the state-year panel, or null (then GDP and population are the
 *     state's constant figures and it has no free association)
 * @param priorPrcTies whether it recognised Beijing at some time before the start
 * @param governmentChanges recorded changes of government (a change of party or a coup), in order;
 *     those after the start give the new-government window when they happened
 * @param governmentRecordEnd the last month of the record of government changes that the scenario
 *     takes as known, or null if it has none; after it, governments change at random (elections from
 *     the calendar, else {@code governmentChangesPerYear})
 * @param governmentChangesPerYear yearly rate of random changes of government after the record
 *     ends, for a state without an election calendar, &ge; 0
 */
public record StateRecord(YearlyData yearly, boolean priorPrcTies, List<YearMonth> governmentChanges,
        YearMonth governmentRecordEnd, double governmentChangesPerYear) {

    /** No record: constant figures, no prior ties, elections from the calendar only. */
    public static final StateRecord NONE = new StateRecord(null, false, List.of(), null, 0.0);

    public StateRecord {
        governmentChanges = governmentChanges.stream().sorted().toList();
        Checks.atLeast("governmentChangesPerYear", governmentChangesPerYear, 0);
        if (governmentRecordEnd != null && !governmentChanges.isEmpty()
                && governmentChanges.get(governmentChanges.size() - 1).isAfter(governmentRecordEnd)) {
            throw new IllegalArgumentException("a recorded change of government lies after the record's end "
                    + governmentRecordEnd);
        }
    }
}
