package ballast.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Scores of probability forecasts of binary outcomes (lower is better for both scores): the Brier score,
 * the log loss, skill against a reference forecast, and the reliability table behind a reliability
 * (calibration) chart. Each forecast is a probability in [0, 1] that its outcome is an event.
 */
public final class Scores {
    /**
     * The clamp of {@link #logLoss(double[], boolean[])}: forecasts are moved into
     * {@code [1e-6, 1 - 1e-6]}, so a certain forecast that misses costs {@code -ln(1e-6) = 13.8} instead
     * of infinity. A forecast as certain as one in a million is the most a back-test with at most a few
     * thousand country-years can tell apart from certainty.
     */
    public static final double LOG_LOSS_EPSILON = 1e-6;

    private Scores() {
    }

    /**
     * Returns the Brier score, the mean of {@code (forecast - outcome)^2}, in [0, 1].
     *
     * @param forecasts probabilities in [0, 1]
     * @param outcomes one per forecast, true for an event
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a forecast is
     *     outside [0, 1] or NaN
     */
    public static double brier(double[] forecasts, boolean[] outcomes) {
        check(forecasts, outcomes);
        double sum = 0;
        for (int i = 0; i < forecasts.length; i++) {
            double e = forecasts[i] - (outcomes[i] ? 1 : 0);
            sum += e * e;
        }
        return sum / forecasts.length;
    }

    /**
     * Returns the mean log loss, {@code -mean(y ln p + (1 - y) ln(1 - p))} (natural log), with forecasts
     * clamped to {@code [LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON]}; at least 0, at most
     * {@code -ln(1e-6) = 13.8}.
     *
     * @param forecasts probabilities in [0, 1]
     * @param outcomes one per forecast, true for an event
     * @throws IllegalArgumentException as {@link #brier}
     */
    public static double logLoss(double[] forecasts, boolean[] outcomes) {
        return logLoss(forecasts, outcomes, LOG_LOSS_EPSILON);
    }

    /**
     * Returns the mean log loss with forecasts clamped to {@code [epsilon, 1 - epsilon]}.
     *
     * @param forecasts probabilities in [0, 1]
     * @param outcomes one per forecast, true for an event
     * @param epsilon the clamp, in [0, 0.5); 0 clamps nothing, so a forecast of 0 for an event (or 1
     *     for a non-event) gives infinity
     * @throws IllegalArgumentException as {@link #brier}, or if {@code epsilon} is out of range
     */
    public static double logLoss(double[] forecasts, boolean[] outcomes, double epsilon) {
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in [0, 0.5), got " + epsilon);
        }
        check(forecasts, outcomes);
        double sum = 0;
        for (int i = 0; i < forecasts.length; i++) {
            double p = Math.min(Math.max(forecasts[i], epsilon), 1 - epsilon);
            sum -= outcomes[i] ? Math.log(p) : Math.log1p(-p);
        }
        return sum / forecasts.length;
    }

    /**
     * Returns the skill of a score against a reference score, {@code 1 - score / reference}, for a score
     * where lower is better and 0 is perfect (Brier, log loss): 1 is perfect, 0 no better than the
     * reference, negative worse.
     *
     * @throws IllegalArgumentException if {@code reference} is not positive and finite, or {@code score}
     *     is negative or NaN
     */
    public static double skill(double score, double reference) {
        if (!(reference > 0) || Double.isInfinite(reference)) {
            throw new IllegalArgumentException("reference score must be positive and finite, got " + reference);
        }
        if (!(score >= 0)) {
            throw new IllegalArgumentException("score must be at least 0, got " + score);
        }
        return 1 - score / reference;
    }

    /**
     * Returns the Brier skill score of forecasts against reference forecasts of the same outcomes,
     * {@code 1 - B / B_ref}.
     *
     * @param forecasts probabilities in [0, 1]
     * @param reference the reference forecaster's probabilities of the same outcomes
     * @param outcomes one per forecast, true for an event
     * @throws IllegalArgumentException as {@link #brier}, if the reference has another length, or if the
     *     reference is perfect (Brier score 0)
     */
    public static double brierSkill(double[] forecasts, double[] reference, boolean[] outcomes) {
        if (reference.length != forecasts.length) {
            throw new IllegalArgumentException(reference.length + " reference forecasts for " + forecasts.length
                    + " forecasts");
        }
        return skill(brier(forecasts, outcomes), brier(reference, outcomes));
    }

    /**
     * One bin of a reliability table.
     *
     * @param lower the bin's lower edge (included)
     * @param upper the bin's upper edge (excluded, except for the last bin)
     * @param n forecasts in the bin
     * @param events outcomes that were events among them
     * @param meanForecast the mean forecast in the bin (NaN if empty)
     * @param observedFrequency {@code events / n} (NaN if empty)
     * @param wilsonLower lower end of the 95% Wilson score interval of the observed frequency (NaN if empty)
     * @param wilsonUpper upper end of that interval (NaN if empty)
     */
    public record ReliabilityBin(double lower, double upper, int n, int events, double meanForecast,
            double observedFrequency, double wilsonLower, double wilsonUpper) {
    }

    /**
     * Returns the reliability table of forecasts: per bin of forecast probability, the number of
     * forecasts, their mean, the observed frequency of events, and its 95% Wilson score interval (Commons
     * Math's {@link WilsonScoreInterval}). Bin {@code b} holds forecasts in
     * {@code [edges[b], edges[b + 1])}, the last bin also its upper edge. Every bin is listed, empty ones
     * with {@code n = 0} and NaN statistics.
     *
     * @param forecasts probabilities in [0, 1]
     * @param outcomes one per forecast, true for an event
     * @param edges bin edges, at least two, strictly increasing, covering every forecast (e.g.
     *     {@code {0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1}})
     * @throws IllegalArgumentException as {@link #brier}, if the edges are not strictly increasing, or a
     *     forecast lies outside them
     */
    public static List<ReliabilityBin> reliability(double[] forecasts, boolean[] outcomes, double[] edges) {
        check(forecasts, outcomes);
        if (edges.length < 2) {
            throw new IllegalArgumentException("need at least two bin edges, got " + edges.length);
        }
        for (int b = 0; b + 1 < edges.length; b++) {
            if (!(edges[b] < edges[b + 1])) {
                throw new IllegalArgumentException("bin edges must increase strictly: " + edges[b] + " then "
                        + edges[b + 1]);
            }
        }
        int bins = edges.length - 1;
        int[] n = new int[bins];
        int[] events = new int[bins];
        double[] sum = new double[bins];
        for (int i = 0; i < forecasts.length; i++) {
            int b = bin(forecasts[i], edges);
            n[b]++;
            events[b] += outcomes[i] ? 1 : 0;
            sum[b] += forecasts[i];
        }
        List<ReliabilityBin> table = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            if (n[b] == 0) {
                table.add(new ReliabilityBin(edges[b], edges[b + 1], 0, 0, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN));
            } else {
                Interval wilson = wilson(events[b], n[b], 0.95);
                table.add(new ReliabilityBin(edges[b], edges[b + 1], n[b], events[b], sum[b] / n[b],
                        (double) events[b] / n[b], wilson.lower(), wilson.upper()));
            }
        }
        return table;
    }

    /**
     * Returns the Wilson score interval of a binomial proportion (Commons Math's
     * {@link WilsonScoreInterval}); the estimate is {@code successes / trials}.
     *
     * @param successes successes, from 0 to {@code trials}
     * @param trials trials, at least 1
     * @param level nominal coverage in (0, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Interval wilson(int successes, int trials, double level) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes in " + trials + " trials");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(trials, successes, level);
        return new Interval((double) successes / trials, ci.getLowerBound(), ci.getUpperBound(), level);
    }

    private static int bin(double forecast, double[] edges) {
        int last = edges.length - 2;
        if (forecast < edges[0] || forecast > edges[last + 1]) {
            throw new IllegalArgumentException("forecast " + forecast + " lies outside the bins [" + edges[0]
                    + ", " + edges[last + 1] + "]");
        }
        for (int b = 0; b < last; b++) {
            if (forecast < edges[b + 1]) {
                return b;
            }
        }
        return last;
    }

    private static void check(double[] forecasts, boolean[] outcomes) {
        if (forecasts.length != outcomes.length) {
            throw new IllegalArgumentException(forecasts.length + " forecasts for " + outcomes.length + " outcomes");
        }
        if (forecasts.length == 0) {
            throw new IllegalArgumentException("no forecasts");
        }
        for (int i = 0; i < forecasts.length; i++) {
            if (!(forecasts[i] >= 0 && forecasts[i] <= 1)) {
                throw new IllegalArgumentException("forecast " + i + " is " + forecasts[i] + ", not a probability");
            }
        }
    }
}
