package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.model.Side;
import ballast.model.Term;
import ballast.stats.LogisticFit;
import ballast.stats.LogisticRegression;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The two forecasters a back-test sets beside the model, both fitted to the same record of the same
 * training window as the model's calibration:
 *
 * <ul>
 *   <li>the <b>naive</b> baseline: one constant monthly hazard of moving to Beijing for every ally,
 *       given the same information about Taipei's government as the model: the rate of the training
 *       years under a president of that party (moves over ally-months), times the truce's factor
 *       {@code exp(truce)} while Beijing's posture is a truce;</li>
 *   <li>a <b>logistic</b> hazard regression (discrete time, one row per ally-month) on the same
 *       covariates as the model's fitted terms, computed by the model's own terms in a replay of the
 *       record, with the same normal priors (a ridge penalty on columns scaled by the priors'
 *       standard deviations), and the truce as an offset.</li>
 * </ul>
 *
 * <p>Both forecast from the covariates as known at the forecast date: the state's data of the year
 * before the start, its own history at the start, Taipei's governments as the scenario knows them,
 * recorded switches of the sub-region before the start (their contagion fades out of the window), and
 * recorded changes of government before the start (their window closes); after that, a new
 * government is unknown and the regression takes its expectation: a change in the last
 * {@code newGovernmentWindowMonths} with probability {@code 1 - exp(-rate * window)}, at the state's
 * rate of changes in the ten years before the start.
 */
public final class Baselines {

    /** What was fitted to the training window. */
    public record Fitted(YearMonth trainFrom, YearMonth trainTo, int movesUnderKmt, long allyMonthsUnderKmt,
            int movesUnderDpp, long allyMonthsUnderDpp, double truceWeight, List<Term> covariates,
            double[] priorSd, LogisticFit logistic) {

        /** Returns the naive monthly hazard under a president of the DPP ({@code dpp}) or not, in a truce or not. */
        public double naiveHazard(boolean dpp, boolean truce) {
            double h = dpp ? (double) movesUnderDpp / allyMonthsUnderDpp : (double) movesUnderKmt / allyMonthsUnderKmt;
            return truce ? h * Math.exp(truceWeight) : h;
        }

        /** Returns the logistic regression's coefficient of covariate {@code k} on its natural scale. */
        public double coefficient(int k) {
            return logistic.coefficient(k + 1) * priorSd[k];
        }

        /** Returns its standard error on the natural scale (from the penalised information). */
        public double standardError(int k) {
            return logistic.standardErrors()[k + 1] * priorSd[k];
        }

        /** Returns the regression's monthly hazard for covariate values {@code x} (natural scale) in a truce or not. */
        public double logisticHazard(double[] x, boolean truce) {
            double[] scaled = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                scaled[k] = x[k] * priorSd[k];
            }
            return logistic.predict(scaled, truce ? truceWeight : 0.0);
        }
    }

    /** Monthly hazards of moving to Beijing, [state][tick], of each baseline for a back-test world. */
    public record Hazards(double[][] naive, double[][] logistic) {
    }

    private Baselines() {
    }

    /**
     * Fits both baselines to the record of {@code trainingWorld} (a calibration world) up to
     * {@code trainTo}, on {@code covariates} with normal priors of standard deviations {@code priorSd};
     * {@code truceWeight} is the truce's log factor, as in the model's rule.
     */
    public static Fitted fit(ModelParameters trainingWorld, HistoricalRecord record, YearMonth trainTo,
            List<Term> covariates, double[] priorSd, double truceWeight) {
        ModelParameters world = Calibration.cut(trainingWorld, trainTo);
        Rows rows = new Rows(new RecordReplay(world, record, trainTo), covariates, world.ticks(),
                world.countries().size());
        new RecognitionModel(world).replay(rows);
        int n = rows.y.size();
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        int kmtMoves = 0;
        int dppMoves = 0;
        long kmtMonths = 0;
        long dppMonths = 0;
        for (int r = 0; r < n; r++) {
            double[] row = rows.x.get(r);
            double[] scaled = new double[covariates.size()];
            for (int k = 0; k < scaled.length; k++) {
                scaled[k] = row[k] * priorSd[k];
            }
            x[r] = scaled;
            y[r] = rows.y.get(r);
            if (rows.dpp.get(r)) {
                dppMonths++;
                dppMoves += y[r] ? 1 : 0;
            } else {
                kmtMonths++;
                kmtMoves += y[r] ? 1 : 0;
            }
        }
        // Columns scaled by the priors' standard deviations and a ridge of 1: a normal prior of that
        // standard deviation on each coefficient, as in the calibration.
        LogisticFit logistic = LogisticRegression.fit(x, y, null, null,
                LogisticRegression.Options.defaults().withRidge(1.0));
        return new Fitted(world.start(), trainTo, kmtMoves, kmtMonths, dppMoves, dppMonths, truceWeight,
                List.copyOf(covariates), priorSd.clone(), logistic);
    }

    /** Collects each ally-month at risk of the replay: the covariates' values and whether it moved. */
    private static final class Rows implements RecognitionModel.Replay {
        private final RecordReplay record;
        private final List<Term> covariates;
        private final int scoredTicks;
        private final double[][] pending;
        private final boolean[] pendingDpp;
        final List<double[]> x = new ArrayList<>();
        final List<Boolean> y = new ArrayList<>();
        final List<Boolean> dpp = new ArrayList<>();

        Rows(RecordReplay record, List<Term> covariates, int scoredTicks, int states) {
            this.record = record;
            this.covariates = covariates;
            this.scoredTicks = scoredTicks;
            this.pending = new double[states][];
            this.pendingDpp = new boolean[states];
        }

        @Override
        public boolean wantsValues() {
            return true;
        }

        @Override
        public void values(int state, int tick, Side side, double[] values) {
            double[] row = new double[covariates.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = values[covariates.get(k).ordinal()];
            }
            pending[state] = row;
            pendingDpp[state] = values[Term.TAIPEI_DPP.ordinal()] > 0.5;
        }

        @Override
        public boolean observe(int state, int tick, Side side, double hazard) {
            boolean moved = record.observe(state, tick, side, hazard);
            if (side == Side.ROC && tick < scoredTicks) {
                x.add(pending[state]);
                y.add(moved);
                dpp.add(pendingDpp[state]);
            }
            return moved;
        }

        @Override
        public Side sideAfter(int state, int tick) {
            return record.sideAfter(state, tick);
        }
    }

    /** Records the covariates of every state and month of a back-test world with no state switching. */
    private static final class Frozen implements RecognitionModel.Replay {
        private final Side[] sides;
        final double[][][] values; // [state][tick][term]

        Frozen(ModelParameters p) {
            this.sides = p.countries().stream().map(c -> c.initialSide()).toArray(Side[]::new);
            this.values = new double[sides.length][p.ticks()][];
        }

        @Override
        public boolean wantsValues() {
            return true;
        }

        @Override
        public void values(int state, int tick, Side side, double[] v) {
            values[state][tick] = v.clone();
        }

        @Override
        public boolean observe(int state, int tick, Side side, double hazard) {
            return false;
        }

        @Override
        public Side sideAfter(int state, int tick) {
            return sides[state];
        }
    }

    /**
     * Returns both baselines' monthly hazards for the states of back-test world {@code p}, from what
     * the world knows at its start (see the class comment). States not with Taipei at the start get 0.
     */
    public static Hazards forecast(Fitted f, ModelParameters p) {
        Frozen frozen = new Frozen(p);
        new RecognitionModel(p).replay(frozen);
        int states = p.countries().size();
        int ticks = p.ticks();
        double[][] naive = new double[states][ticks];
        double[][] logistic = new double[states][ticks];
        int newGovernment = f.covariates().indexOf(Term.NEW_GOVERNMENT);
        double windowYears = p.rule().newGovernmentWindowMonths() / 12.0;
        for (int i = 0; i < states; i++) {
            if (p.countries().get(i).initialSide() != Side.ROC) {
                continue;
            }
            var record = p.countries().get(i).record();
            int knownThrough = record.governmentRecordEnd() == null ? -1 : p.tickOf(record.governmentRecordEnd());
            double changed = 1 - Math.exp(-record.governmentChangesPerYear() * windowYears);
            for (int t = 0; t < ticks; t++) {
                double[] v = frozen.values[i][t];
                boolean dpp = v[Term.TAIPEI_DPP.ordinal()] > 0.5;
                boolean truce = v[Term.TRUCE.ordinal()] > 0.5;
                naive[i][t] = perTick(f.naiveHazard(dpp, truce), p.tickMonths());
                double[] x = new double[f.covariates().size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = v[f.covariates().get(k).ordinal()];
                }
                double h = f.logisticHazard(x, truce);
                if (newGovernment >= 0 && t > knownThrough && x[newGovernment] == 0.0 && changed > 0) {
                    x[newGovernment] = 1.0;
                    h = (1 - changed) * h + changed * f.logisticHazard(x, truce);
                }
                logistic[i][t] = perTick(h, p.tickMonths());
            }
        }
        return new Hazards(naive, logistic);
    }

    /** Returns the probability of a move within a tick of {@code months} months at monthly hazard {@code h}. */
    private static double perTick(double h, int months) {
        return months == 1 ? h : 1 - Math.pow(1 - h, months);
    }
}
