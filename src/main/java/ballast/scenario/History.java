package ballast.scenario;

import ballast.model.Setting;
import ballast.model.Setting.PastSwitch;
import ballast.model.Setting.TaipeiGovernment;
import ballast.model.Side;
import ballast.model.StateRecord;
import ballast.model.YearlyData;
import ballast.scenario.RecordTables.GovernmentChange;
import ballast.scenario.RecordTables.PanelState;
import ballast.scenario.RecordTables.SwitchRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The historical record as a scenario takes it: the tables it names, cut at the start except for
 * the inputs it declares known after the start ({@code knownAfterStart}). Nothing from after the
 * start reaches a run unless the scenario says so: that is what keeps a back-test out of sample.
 */
final class History {
    /** Inputs a scenario can take as known after its start. */
    static final List<String> KNOWABLE = List.of("panel", "governmentChanges", "taipeiGovernments");
    /** Years before the start from which a state's rate of random changes of government is taken. */
    static final int RATE_YEARS = 10;

    final YearMonth start;
    final Set<String> known;
    final Map<String, PanelState> panel;          // null if the scenario names no panel
    final List<SwitchRow> switches;               // null if none
    final List<GovernmentChange> governmentChanges; // null if none
    final List<TaipeiGovernment> taipeiGovernments; // null if none
    // The date of the last change of government in the record (the same for every state).
    private final Optional<LocalDate> lastRecordedChange;

    History(YearMonth start, Set<String> known, Map<String, PanelState> panel, List<SwitchRow> switches,
            List<GovernmentChange> governmentChanges, List<TaipeiGovernment> taipeiGovernments) {
        this.start = start;
        this.known = known;
        this.panel = panel;
        this.switches = switches;
        this.governmentChanges = governmentChanges;
        this.taipeiGovernments = taipeiGovernments;
        this.lastRecordedChange = governmentChanges == null ? Optional.empty()
                : governmentChanges.stream().map(GovernmentChange::date).max(LocalDate::compareTo);
    }

    private LocalDate startDay() {
        return start.atDay(1);
    }

    /** Returns the side the record has {@code code} on at the start (before any event of the start month). */
    Side sideAtStart(String code) {
        return sideBefore(code, start);
    }

    /**
     * Returns the side the record has {@code code} on in month {@code month}, before that month's
     * events: as its switches and first recognitions (not aborted ones) before that month left it; for
     * a state with none before it, the panel's ally on 1 January of that year (what was known then),
     * or, without a panel row, the opposite of its first event; a state with no event at all is with
     * Taipei.
     */
    Side sideBefore(String code, YearMonth month) {
        Side side = null;
        Side beforeFirst = null;
        for (SwitchRow r : switches) {
            if (!r.code().equals(code)) {
                continue;
            }
            if (beforeFirst == null) {
                beforeFirst = r.to().other();
            }
            if (!r.eventType().equals("aborted") && r.month().isBefore(month)) {
                side = r.to();
            }
        }
        if (side != null) {
            return side;
        }
        PanelState p = panel == null ? null : panel.get(code);
        Boolean ally = p == null ? null : p.allyOnFirstJanuary().get(month.getYear());
        if (ally != null) {
            return ally ? Side.ROC : Side.PRC;
        }
        return beforeFirst == null ? Side.ROC : beforeFirst;
    }

    /** Returns the states of the panel the record has with Taipei at the start (all of them if {@code all}). */
    List<String> statesAtStart(boolean all) {
        List<String> codes = new ArrayList<>();
        for (String code : panel.keySet()) {
            if (all || sideAtStart(code) == Side.ROC) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Returns what the record says of state {@code code}, as the scenario takes it. */
    StateRecord record(String code) {
        YearlyData yearly = null;
        if (panel != null && panel.containsKey(code)) {
            yearly = panel.get(code).yearly();
            if (!known.contains("panel")) {
                yearly = yearly.through(start.getYear() - 1);
            }
        }
        boolean ties = false;
        if (switches != null) {
            boolean first = true;
            for (SwitchRow r : switches) {
                if (!r.code().equals(code) || r.eventType().equals("aborted") || !r.month().isBefore(start)) {
                    continue;
                }
                // A first recognition is no tie; a state whose first recorded move is a switch to Taipei was with Beijing.
                if (r.to() == Side.PRC || first && r.isSwitch()) {
                    ties = true;
                }
                first = false;
            }
        }
        List<YearMonth> changes = new ArrayList<>();
        YearMonth recordEnd = null;
        double perYear = 0;
        if (governmentChanges != null) {
            boolean all = known.contains("governmentChanges");
            recordEnd = all ? YearMonth.from(lastRecordedChange.orElse(startDay())) : start.minusMonths(1);
            LocalDate from = startDay().minusYears(RATE_YEARS);
            int recent = 0;
            for (GovernmentChange g : governmentChanges) {
                if (!g.code().equals(code) || !g.newGovernment()) {
                    continue;
                }
                if (all || g.date().isBefore(startDay())) {
                    changes.add(YearMonth.from(g.date()));
                }
                if (!g.date().isBefore(from) && g.date().isBefore(startDay())) {
                    recent++;
                }
            }
            perYear = recent / (double) RATE_YEARS;
        }
        return new StateRecord(yearly, ties, changes, recordEnd, perYear);
    }

    /** Returns the last recorded change of government before the start, or null. */
    YearMonth lastChangeBeforeStart(String code) {
        YearMonth last = null;
        for (GovernmentChange g : governmentChanges) {
            if (g.code().equals(code) && g.newGovernment() && g.date().isBefore(startDay())) {
                last = YearMonth.from(g.date());
            }
        }
        return last;
    }

    /** Returns the setting: Taipei's governments as known, and the recorded switches before the start. */
    Setting setting() {
        List<TaipeiGovernment> taipei = new ArrayList<>();
        if (taipeiGovernments != null) {
            for (TaipeiGovernment g : taipeiGovernments) {
                if (known.contains("taipeiGovernments") || !g.from().isAfter(start)) {
                    taipei.add(g);
                }
            }
        }
        List<PastSwitch> past = new ArrayList<>();
        if (switches != null && panel != null) {
            for (SwitchRow r : switches) {
                PanelState p = panel.get(r.code());
                if (r.isSwitch() && r.month().isBefore(start) && p != null) {
                    past.add(new PastSwitch(r.month(), r.code(), p.subregion(), r.to()));
                }
            }
        }
        return new Setting(taipei, past);
    }

    static YearlyData yearly(PanelState s) {
        int first = s.years().keySet().iterator().next();
        int last = first;
        for (int y : s.years().keySet()) {
            last = Math.max(last, y);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        s.years().values().forEach(v -> names.addAll(v.keySet()));
        for (String c : names) {
            double[] v = new double[last - first + 1];
            java.util.Arrays.fill(v, Double.NaN);
            for (Map.Entry<Integer, Map<String, Double>> e : s.years().entrySet()) {
                v[e.getKey() - first] = e.getValue().getOrDefault(c, Double.NaN);
            }
            columns.put(c, v);
        }
        return new YearlyData(first, columns);
    }
}
