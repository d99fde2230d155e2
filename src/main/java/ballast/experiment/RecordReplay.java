package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.model.Side;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of switches as a {@link RecognitionModel.Replay}: states take the sides the record
 * gives them month by month, and every month a state is at risk scores the model's hazard, so the
 * sum is the log-likelihood of the recorded switches given the recorded history.
 *
 * <p>At risk of moving to Beijing: every month a state is with Taipei. At risk of moving back to
 * Taipei: the months a state is with Beijing after it left Taipei within the replayed window (the
 * only states with Beijing that a run has, since a run starts from Taipei's allies). A state the
 * record puts with Beijing for another reason (it left before the window, or did not exist yet) is
 * not scored. Only months before {@code scoredTicks} count (the training window).
 */
public final class RecordReplay implements RecognitionModel.Replay {
    private final int states;
    private final int scoredTicks;
    private final int[][] eventTick;
    private final Side[][] eventTo;
    private final boolean[][] eventIsSwitch;
    private final int[] firstToPrcTick;
    private final Side[] initial;
    private final int[] next;
    private final Side[] recorded;
    private double logLikelihoodToPrc;
    private double logLikelihoodToRoc;
    private int switchesToPrc;
    private int switchesToRoc;
    private long monthsAtRiskToPrc;
    private long monthsAtRiskToRoc;

    /**
     * Prepares the replay of {@code record} over the world {@code p} (its states take their sides at
     * the start from the scenario, which reads them from the same record); months from
     * {@code scoredThrough} on are replayed but not scored.
     */
    public RecordReplay(ModelParameters p, HistoricalRecord record, YearMonth scoredThrough) {
        this.states = p.countries().size();
        this.scoredTicks = Math.min(p.ticks(), p.tickOf(scoredThrough) + 1);
        this.eventTick = new int[states][];
        this.eventTo = new Side[states][];
        this.eventIsSwitch = new boolean[states][];
        this.firstToPrcTick = new int[states];
        this.initial = new Side[states];
        this.next = new int[states];
        this.recorded = new Side[states];
        YearMonth end = p.end();
        for (int i = 0; i < states; i++) {
            String code = p.countries().get(i).code();
            initial[i] = p.countries().get(i).initialSide();
            List<int[]> events = new ArrayList<>(); // {tick, toPrc, isSwitch}
            for (HistoricalRecord.Switch s : merged(record)) {
                if (s.code().equals(code) && !s.month().isBefore(p.start()) && !s.month().isAfter(end)) {
                    events.add(new int[] {p.tickOf(s.month()), s.toPrc() ? 1 : 0,
                            record.switches().contains(s) ? 1 : 0});
                }
            }
            eventTick[i] = events.stream().mapToInt(e -> e[0]).toArray();
            eventTo[i] = events.stream().map(e -> e[1] == 1 ? Side.PRC : Side.ROC).toArray(Side[]::new);
            eventIsSwitch[i] = new boolean[events.size()];
            firstToPrcTick[i] = Integer.MAX_VALUE;
            for (int k = 0; k < events.size(); k++) {
                eventIsSwitch[i][k] = events.get(k)[2] == 1;
                if (eventIsSwitch[i][k] && eventTo[i][k] == Side.PRC) {
                    firstToPrcTick[i] = Math.min(firstToPrcTick[i], eventTick[i][k]);
                }
            }
        }
        reset();
    }

    private static List<HistoricalRecord.Switch> merged(HistoricalRecord record) {
        List<HistoricalRecord.Switch> all = new ArrayList<>(record.switches());
        all.addAll(record.recognitions());
        all.sort((a, b) -> a.month().compareTo(b.month()));
        return all;
    }

    /** Clears the scores and restarts the record, for another replay. */
    public void reset() {
        java.util.Arrays.fill(next, 0);
        System.arraycopy(initial, 0, recorded, 0, states);
        logLikelihoodToPrc = 0;
        logLikelihoodToRoc = 0;
        switchesToPrc = 0;
        switchesToRoc = 0;
        monthsAtRiskToPrc = 0;
        monthsAtRiskToRoc = 0;
    }

    @Override
    public boolean observe(int state, int tick, Side side, double hazard) {
        boolean switches = false;
        for (int k = next[state]; k < eventTick[state].length && eventTick[state][k] == tick; k++) {
            if (eventIsSwitch[state][k] && eventTo[state][k] == side.other()) {
                switches = true;
            }
        }
        boolean atRisk = side == Side.ROC || firstToPrcTick[state] < tick;
        if (atRisk && tick < scoredTicks) {
            double p = switches ? Math.max(hazard, Double.MIN_NORMAL) : 1.0 - hazard;
            double ll = switches ? Math.log(p) : Math.log1p(-hazard);
            if (side == Side.ROC) {
                logLikelihoodToPrc += ll;
                monthsAtRiskToPrc++;
                switchesToPrc += switches ? 1 : 0;
            } else {
                logLikelihoodToRoc += ll;
                monthsAtRiskToRoc++;
                switchesToRoc += switches ? 1 : 0;
            }
        }
        return switches;
    }

    @Override
    public Side sideAfter(int state, int tick) {
        while (next[state] < eventTick[state].length && eventTick[state][next[state]] <= tick) {
            recorded[state] = eventTo[state][next[state]];
            next[state]++;
        }
        return recorded[state];
    }

    /** Returns the log-likelihood of the record's months at risk of a move to Beijing. */
    public double logLikelihoodToPrc() {
        return logLikelihoodToPrc;
    }

    /** Returns the log-likelihood of the months at risk of a move back to Taipei. */
    public double logLikelihoodToRoc() {
        return logLikelihoodToRoc;
    }

    /** Returns the whole log-likelihood. */
    public double logLikelihood() {
        return logLikelihoodToPrc + logLikelihoodToRoc;
    }

    public int switchesToPrc() {
        return switchesToPrc;
    }

    public int switchesToRoc() {
        return switchesToRoc;
    }

    public long monthsAtRiskToPrc() {
        return monthsAtRiskToPrc;
    }

    public long monthsAtRiskToRoc() {
        return monthsAtRiskToRoc;
    }
}
