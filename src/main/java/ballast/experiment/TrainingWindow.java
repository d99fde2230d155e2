package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.model.Side;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a calibration's training window holds: the recorded moves its replay scores in each direction
 * and the months at risk of them, with the month of the first such move anywhere in the scenario (to
 * say how long a window must be). Counted by one replay of the record; nothing is fitted or drawn.
 *
 * @param from the window's first month (the world's start)
 * @param to the window's last month
 * @param movesToPrc scored moves to Beijing in the window
 * @param monthsAtRiskToPrc ally-months in the window
 * @param movesToRoc scored moves back to Taipei in the window
 * @param monthsAtRiskToRoc months in the window at risk of moving back
 * @param firstMoveToPrc the month of the first scored move to Beijing up to the world's end; null if none
 * @param firstMoveToRoc the month of the first scored move back to Taipei up to the world's end; null if none
 * @param worldEnd the world's last month
 */
public record TrainingWindow(YearMonth from, YearMonth to, int movesToPrc, long monthsAtRiskToPrc, int movesToRoc,
        long monthsAtRiskToRoc, YearMonth firstMoveToPrc, YearMonth firstMoveToRoc, YearMonth worldEnd) {

    /**
     * Counts the moves of {@code record} that a calibration of {@code world} (monthly ticks) over its start to
     * {@code to} scores.
     */
    public static TrainingWindow of(ModelParameters world, HistoricalRecord record, YearMonth to) {
        RecordReplay scores = new RecordReplay(world, record, world.end());
        int lastTick = world.tickOf(to);
        int[] moves = new int[2]; // {to Beijing, back to Taipei} within the window
        long[] months = new long[2];
        int[] firstTick = {-1, -1};
        new RecognitionModel(world).replay(new RecognitionModel.Replay() {
            @Override
            public boolean observe(int state, int tick, Side side, double hazard) {
                int d = side == Side.ROC ? 0 : 1;
                int movesBefore = d == 0 ? scores.switchesToPrc() : scores.switchesToRoc();
                long monthsBefore = d == 0 ? scores.monthsAtRiskToPrc() : scores.monthsAtRiskToRoc();
                boolean switches = scores.observe(state, tick, side, hazard);
                int moved = (d == 0 ? scores.switchesToPrc() : scores.switchesToRoc()) - movesBefore;
                if (moved > 0 && firstTick[d] < 0) {
                    firstTick[d] = tick;
                }
                if (tick <= lastTick) {
                    moves[d] += moved;
                    months[d] += (d == 0 ? scores.monthsAtRiskToPrc() : scores.monthsAtRiskToRoc()) - monthsBefore;
                }
                return switches;
            }

            @Override
            public Side sideAfter(int state, int tick) {
                return scores.sideAfter(state, tick);
            }
        });
        return new TrainingWindow(world.start(), to, moves[0], months[0], moves[1], months[1],
                firstTick[0] < 0 ? null : world.monthOf(firstTick[0]),
                firstTick[1] < 0 ? null : world.monthOf(firstTick[1]), world.end());
    }

    /**
     * Checks that the window has what {@code fitted} needs: a base rate with a flat prior has no finite
     * estimate without a move in its direction (the likelihood keeps rising as the rate falls to 0, and
     * the curvature there is 0), so it needs at least one.
     *
     * @throws CalibrationException naming the window, the moves it holds and what is missing
     */
    public void require(List<Calibration.Parameter> fitted) throws CalibrationException {
        List<String> missing = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        YearMonth endAtLeast = null;
        boolean noneInRecord = false;
        for (Calibration.Parameter p : fitted) {
            if (!p.logScale() || Double.isFinite(p.priorSd())) {
                continue; // a prior bounds it, whatever the data
            }
            boolean toPrc = Calibration.TO_PRC.equals(p.name());
            if ((toPrc ? movesToPrc : movesToRoc) > 0) {
                continue;
            }
            missing.add(p.name());
            needs.add(toPrc ? "1 move to Beijing" : "1 move back to Taipei");
            YearMonth first = toPrc ? firstMoveToPrc : firstMoveToRoc;
            if (first == null) {
                noneInRecord = true;
            } else if (endAtLeast == null || first.isAfter(endAtLeast)) {
                endAtLeast = first;
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(" and ", missing) + (missing.size() == 1 ? ", fitted with a flat prior, needs "
                : ", fitted with flat priors, need ") + "at least " + String.join(" and ", needs);
        String remedy = noneInRecord
                ? "the record has none up to " + worldEnd + ": give it a normal prior or leave it out of calibrate: fit"
                : (missing.size() == 1 ? "the record's first is in " : "the record has both by ") + endAtLeast
                        + ": end the window there or later";
        throw new CalibrationException(String.format(Locale.ROOT, "the training window %s:%s holds %s to Beijing "
                + "(in %,d ally-months) and %s back to Taipei (in %,d months at risk of moving back); %s (%s)",
                from, to, moves(movesToPrc), monthsAtRiskToPrc, moves(movesToRoc), monthsAtRiskToRoc, what, remedy));
    }

    private static String moves(int n) {
        return n + (n == 1 ? " recorded move" : " recorded moves");
    }
}
