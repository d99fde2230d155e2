package ballast.model;

import java.time.YearMonth;

/**
 * One entry of a run's event log: an election and its outcome, a scheduled engagement, a change to
 * a patron, the start or end of a shock, or a switch. Entries of one tick come in the order they
 * happened: shocks ending (ageing), then the month's events in the order they fired, then switches.
 *
 * @param tick tick (0 = first simulated month)
 * @param month month of the tick
 * @param event what happened: {@code election}, {@code government_change} (a change no election
 *     brought: recorded, or random for a state without an election calendar), {@code engagement},
 *     {@code patron}, {@code shock}, {@code switch}
 * @param country ISO3 code of the state concerned, or "" if none
 * @param patron scenario key of the patron concerned, or "" if none
 * @param detail an election's outcome ({@code change}, {@code no_change}); {@code recorded} or
 *     {@code random} for a government change; an engagement's kind; the
 *     patron field changed; a shock's {@code start} or {@code end}; a switch's {@code to_prc} or {@code to_roc}
 * @param value an election or a government change: the government's stance after it; an engagement: points added (after the
 *     patron's scale); a patron change: the new value (active 1 or 0, NaN for targets); a shock: the
 *     fragility added or removed; a switch: its hazard that tick
 * @param note how an election was decided and what it replaced, the targets written, or ""
 */
public record RunEvent(int tick, YearMonth month, String event, String country, String patron, String detail,
        double value, String note) {

    public RunEvent {
        Checks.present("month", month);
        Checks.present("event", event);
        Checks.present("country", country);
        Checks.present("patron", patron);
        Checks.present("detail", detail);
        Checks.present("note", note);
    }
}
