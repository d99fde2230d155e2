package ballast.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the scenario and the election calendars make happen, tick by tick, worked out once per model.
 *
 * <p>A tick's events phase fires its {@link Entry entries} in this order: the calendar elections of
 * the tick, states in scenario order, then the scenario's events of the tick in file order (month
 * first when a tick spans several months). An election event decides the state's election of its
 * window: the calendar election nearest to it, if that is at most half a term away (ties go to the
 * earlier one). In the calendar election's own tick the event takes that election's place; in
 * another tick the calendar election is not held, but its uniform is still drawn, so that moving or
 * forcing an election leaves every other draw where it was. An election event with {@code extra},
 * or with no calendar election within half a term, is an extra election.
 *
 * <p>A state's calendar holds no election in the months its record of government changes covers
 * (there governments change as recorded): its calendar elections start after the record.
 */
final class EventCalendar {

    /** One thing that fires in a tick's events phase. */
    sealed interface Entry permits CalendarElection, ReplacedElection, Fired {
    }

    /**
     * A calendar election of {@code state}; {@code decidedBy} is the scenario's election event of the
     * same tick that decides it, or null when it is drawn with the state's change probability.
     */
    record CalendarElection(int state, ScheduledEvent.Election decidedBy) implements Entry {
    }

    /** A calendar election that an election event of another tick replaces: only its uniform is drawn. */
    record ReplacedElection(int state) implements Entry {
    }

    /**
     * A scenario event. For an election, {@code replacesTick} is the tick of the calendar election it
     * replaces (perhaps after the horizon), or -1 for an extra election.
     */
    record Fired(ScheduledEvent event, int replacesTick) implements Entry {
    }

    /** A shock that ends in this tick's ageing phase. */
    record ShockEnd(int state, double fragilityIncrease) {
    }

    private final Entry[][] entries;
    private final ShockEnd[][] shockEnds;
    private final List<ScheduledEvent.Engagement> beforeStart = new ArrayList<>();

    /** Whether state {@code state}'s calendar may hold an election in {@code tick} (after its record). */
    @FunctionalInterface
    interface Elects {
        boolean at(int state, int tick);
    }

    EventCalendar(ModelParameters p, Map<String, Integer> stateIndex, Elects elects) {
        int ticks = p.ticks();
        List<List<Entry>> byTick = new ArrayList<>();
        List<List<ShockEnd>> ends = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            byTick.add(new ArrayList<>());
            ends.add(new ArrayList<>());
        }
        // The events that replace a calendar election, by state and calendar tick.
        List<Map<Integer, ScheduledEvent.Election>> replaced = new ArrayList<>();
        p.countries().forEach(c -> replaced.add(new java.util.HashMap<>()));
        Map<ScheduledEvent, Integer> replacesTick = new java.util.IdentityHashMap<>();
        for (ScheduledEvent e : p.events()) {
            if (e instanceof ScheduledEvent.Election el && !el.extra()) {
                int state = stateIndex.get(el.country());
                int calendar = nearestCalendarElection(p, p.countries().get(state), p.tickOf(el.month()),
                        heldFrom(p, state, elects));
                if (calendar >= 0 && !replaced.get(state).containsKey(calendar)) {
                    replaced.get(state).put(calendar, el);
                    replacesTick.put(el, calendar);
                }
            }
        }
        for (int t = 0; t < ticks; t++) {
            for (int i = 0; i < p.countries().size(); i++) {
                if (isCalendarElection(p, p.countries().get(i), t) && elects.at(i, t)) {
                    ScheduledEvent.Election by = replaced.get(i).get(t);
                    if (by == null || p.tickOf(by.month()) == t) {
                        byTick.get(t).add(new CalendarElection(i, by));
                    } else {
                        byTick.get(t).add(new ReplacedElection(i));
                    }
                }
            }
        }
        for (ScheduledEvent e : p.events()) {
            int tick = p.tickOf(e.month());
            if (e instanceof ScheduledEvent.Engagement en && tick < 0) {
                beforeStart.add(en);
            } else if (tick >= 0 && tick < ticks) {
                Integer replaces = replacesTick.get(e);
                if (replaces != null && replaces == tick) {
                    continue; // it took its calendar election's place above
                }
                byTick.get(tick).add(new Fired(e, replaces == null ? -1 : replaces));
                if (e instanceof ScheduledEvent.Shock s) {
                    int end = tick + (s.durationMonths() + p.tickMonths() - 1) / p.tickMonths();
                    if (end < ticks) {
                        ends.get(end).add(new ShockEnd(stateIndex.get(s.country()), s.fragilityIncrease()));
                    }
                }
            }
        }
        entries = new Entry[ticks][];
        shockEnds = new ShockEnd[ticks][];
        for (int t = 0; t < ticks; t++) {
            entries[t] = byTick.get(t).toArray(new Entry[0]);
            shockEnds[t] = ends.get(t).toArray(new ShockEnd[0]);
        }
    }

    /** Returns the first tick in which state {@code state}'s calendar may hold an election. */
    private static int heldFrom(ModelParameters p, int state, Elects elects) {
        int t = 0;
        while (t < p.ticks() && !elects.at(state, t)) {
            t++;
        }
        return t;
    }

    /**
     * Returns the tick of the first calendar election of {@code c} at or after tick {@code from}, or -1
     * if it has none.
     */
    static int firstCalendarElection(ModelParameters p, CountrySpec c, int from) {
        if (c.nextElection() == null) {
            return -1;
        }
        int termTicks = c.termMonths() / p.tickMonths();
        int first = p.tickOf(c.nextElection());
        while (first < from && termTicks > 0) {
            first += termTicks;
        }
        return first < from ? -1 : first;
    }

    /** Returns whether {@code c}'s calendar holds an election in {@code tick}. */
    static boolean isCalendarElection(ModelParameters p, CountrySpec c, int tick) {
        int first = firstCalendarElection(p, c, 0);
        int termTicks = c.termMonths() / p.tickMonths();
        return first >= 0 && (tick == first || tick > first && termTicks > 0 && (tick - first) % termTicks == 0);
    }

    /**
     * Returns the tick of {@code c}'s calendar election nearest to {@code tick} (the earlier of two
     * equally near), perhaps after the horizon, if it is at most half a term away; else -1.
     */
    static int nearestCalendarElection(ModelParameters p, CountrySpec c, int tick) {
        return nearestCalendarElection(p, c, tick, 0);
    }

    /** As {@link #nearestCalendarElection(ModelParameters, CountrySpec, int)}, among the elections held from tick {@code from}. */
    static int nearestCalendarElection(ModelParameters p, CountrySpec c, int tick, int from) {
        int first = firstCalendarElection(p, c, from);
        if (first < 0) {
            return -1;
        }
        int termTicks = c.termMonths() / p.tickMonths();
        int nearest = first;
        if (termTicks > 0 && tick > first) {
            int before = first + (tick - first) / termTicks * termTicks;
            nearest = tick - before <= before + termTicks - tick ? before : before + termTicks;
        }
        // Half a term, in months: |distance| * tickMonths <= termMonths / 2.
        return 2L * Math.abs(nearest - tick) * p.tickMonths() <= c.termMonths() ? nearest : -1;
    }

    /** Returns what fires in {@code tick}'s events phase, in order (empty if nothing). */
    Entry[] entries(int tick) {
        return entries[tick];
    }

    /** Returns the shocks that end in {@code tick}. */
    ShockEnd[] shockEnds(int tick) {
        return shockEnds[tick];
    }

    /** Returns the partners' engagements dated before the start (they seed the stocks, decayed). */
    List<ScheduledEvent.Engagement> beforeStart() {
        return beforeStart;
    }
}
