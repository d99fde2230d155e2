package ballast.model;

import java.time.YearMonth;
import java.util.List;

/**
 * The historical setting of a run beyond its states: who governed in Taipei and with what posture
 * Beijing met them, and the recorded switches before the start (the regional waves a run starts in).
 *
 * @param taipeiGovernments Taipei's governments that the scenario takes as known, in order; each
 *     governs from its month until the next, the last one to the end of the run
 * @param pastSwitches recorded switches before the start by any state of a known sub-region, in order
 */
public record Setting(List<TaipeiGovernment> taipeiGovernments, List<PastSwitch> pastSwitches) {

    /** No known governments in Taipei (no DPP or truce terms) and no past switches. */
    public static final Setting NONE = new Setting(List.of(), List.of());

    public Setting {
        taipeiGovernments = taipeiGovernments.stream()
                .sorted(java.util.Comparator.comparing(TaipeiGovernment::from)).toList();
        pastSwitches = pastSwitches.stream().sorted(java.util.Comparator.comparing(PastSwitch::month)).toList();
    }

    /**
     * A government in Taipei.
     *
     * @param from the month it took office
     * @param president the president's name
     * @param party the president's party, e.g. {@code KMT} or {@code DPP}
     * @param truce whether Beijing's posture toward it was a diplomatic truce (it takes no allies)
     */
    public record TaipeiGovernment(YearMonth from, String president, String party, boolean truce) {
        public TaipeiGovernment {
            Checks.present("from", from);
            Checks.present("president", president);
            Checks.present("party", party);
        }

        /** Returns whether the president is of the Democratic Progressive Party. */
        public boolean dpp() {
            return party.equals("DPP");
        }
    }

    /**
     * A recorded switch before the start.
     *
     * @param month the month of the switch
     * @param code the state's ISO3 code
     * @param region its sub-region (contagion links states of one sub-region)
     * @param to the side it switched to
     */
    public record PastSwitch(YearMonth month, String code, String region, Side to) {
        public PastSwitch {
            Checks.present("month", month);
            Checks.present("code", code);
            Checks.present("region", region);
            Checks.present("to", to);
        }
    }

    /** Returns the government in office in {@code month}, or null if none is known by then. */
    public TaipeiGovernment taipeiIn(YearMonth month) {
        TaipeiGovernment in = null;
        for (TaipeiGovernment g : taipeiGovernments) {
            if (!g.from().isAfter(month)) {
                in = g;
            }
        }
        return in;
    }
}
