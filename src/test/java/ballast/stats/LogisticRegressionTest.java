package ballast.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.stats.LogisticFitException.Reason;
import ballast.stats.LogisticRegression.Options;
import org.junit.jupiter.api.Test;

/**
 * Reference values. The data: R's {@code datasets::mtcars} (Henderson and Velleman 1981, "Building
 * multiple regression models interactively", Biometrics 37: 391-411), columns typed below in R's row
 * order. Each expected value says where it comes from:
 * <ul>
 * <li>"R": R's {@code summary(glm(..., family = binomial))} as published (source named at the test),
 * to the digits printed, so the tolerance is half a unit of the last printed digit;
 * <li>"numpy": a separate Newton iteration in Python 3 / numpy 2.4.6 ({@code np.linalg.solve} and
 * {@code np.linalg.inv} on X'WX, iterated to a step below 1e-14), printed to 12 digits, tolerance 1e-8
 * relative; it agrees with every R value to R's printed digits;
 * <li>"by hand": computed inside the test from the definitions (score equations, X'WX), independently of
 * the Newton code under test.
 * </ul>
 */
class LogisticRegressionTest {
    static final double[] MPG = {21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3,
        15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7,
        15.0, 21.4};
    static final double[] DISP = {160, 160, 108, 258, 360, 225, 360, 146.7, 140.8, 167.6, 167.6, 275.8, 275.8,
        275.8, 472, 460, 440, 78.7, 75.7, 71.1, 120.1, 318, 304, 350, 400, 79, 120.3, 95.1, 351, 145, 301, 121};
    static final double[] HP = {110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230,
        66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109};
    static final double[] WT = {2.620, 2.875, 2.320, 3.215, 3.440, 3.460, 3.570, 3.190, 3.150, 3.440, 3.440,
        4.070, 3.730, 3.780, 5.250, 5.424, 5.345, 2.200, 1.615, 1.835, 2.465, 3.520, 3.435, 3.840, 3.845, 1.935,
        2.140, 1.513, 3.170, 2.770, 3.570, 2.780};
    static final int[] VS = {0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1,
        0, 0, 0, 1};
    static final int[] GEAR = {4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4, 3, 3, 3, 3, 3, 4, 5, 5,
        5, 5, 5, 4};

    static double[][] columns(double[]... cols) {
        double[][] x = new double[cols[0].length][cols.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                x[i][j] = cols[j][i];
            }
        }
        return x;
    }

    static boolean[] events(int[] y) {
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i] == 1;
        }
        return b;
    }

    static void assertRelative(double[] expected, double[] actual, double relative) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], relative * Math.abs(expected[j]), "index " + j);
        }
    }

    @Test
    void matchesRForVOrStraightEngineOnMilesPerGallon() {
        LogisticFit fit = LogisticRegression.fit(columns(MPG), events(VS));
        assertTrue(fit.converged());
        // R 4.x, glm(vs ~ mpg, family = binomial, data = mtcars): (Intercept) -8.8331 (SE 3.1623),
        // mpg 0.4304 (SE 0.1584), z -2.793 and 2.717, Pr(>|z|) 0.00522 and 0.00659, residual deviance
        // 25.533 on 30 df (the values given in issue 15's brief; reproduced to every digit by numpy).
        assertArrayEquals(new double[] {-8.8331, 0.4304}, fit.coefficients(), 5e-5);
        assertArrayEquals(new double[] {3.1623, 0.1584}, fit.standardErrors(), 5e-5);
        assertArrayEquals(new double[] {-2.793, 2.717}, fit.zValues(), 5e-4);
        assertArrayEquals(new double[] {0.00522, 0.00659}, fit.pValues(), 5e-6);
        assertEquals(25.533, fit.deviance(), 5e-4);
        // numpy, 12 digits.
        assertRelative(new double[] {-8.833072576792, 0.430413520263}, fit.coefficients(), 1e-8);
        assertRelative(new double[] {3.162274272823, 0.158421978735}, fit.standardErrors(), 1e-8);
        assertEquals(25.53333515309304, fit.deviance(), 1e-8);
        // numpy: fitted probability of a straight engine (vs = 1) at 21 mpg, 1 / (1 + exp(-(b0 + 21 b1))).
        assertEquals(0.5512225071962555, fit.predict(new double[] {21}), 1e-9);
        assertEquals(32, fit.observations());
    }

    @Test
    void estimateSolvesTheScoreEquationsAndItsCovarianceInvertsTheInformationByHand() {
        LogisticFit fit = LogisticRegression.fit(columns(MPG), events(VS));
        double b0 = fit.coefficient(0);
        double b1 = fit.coefficient(1);
        // By hand: score sum (y - p)(1, x) = 0; information sum p(1-p)(1, x)(1, x)' inverted as a 2 x 2.
        double s0 = 0;
        double s1 = 0;
        double i00 = 0;
        double i01 = 0;
        double i11 = 0;
        for (int i = 0; i < MPG.length; i++) {
            double p = 1 / (1 + Math.exp(-(b0 + b1 * MPG[i])));
            s0 += VS[i] - p;
            s1 += (VS[i] - p) * MPG[i];
            double v = p * (1 - p);
            i00 += v;
            i01 += v * MPG[i];
            i11 += v * MPG[i] * MPG[i];
        }
        assertEquals(0, s0, 1e-9);
        assertEquals(0, s1, 1e-9);
        double det = i00 * i11 - i01 * i01;
        double[][] c = fit.covariance();
        assertEquals(i11 / det, c[0][0], 1e-9 * c[0][0]);
        assertEquals(-i01 / det, c[0][1], 1e-9 * Math.abs(c[0][1]));
        assertEquals(i00 / det, c[1][1], 1e-9 * c[1][1]);
        assertEquals(c[0][1], c[1][0], 0.0); // symmetric exactly
    }

    @Test
    void matchesRForVOrStraightEngineOnWeightAndDisplacement() {
        LogisticFit fit = LogisticRegression.fit(columns(WT, DISP), events(VS));
        assertTrue(fit.converged());
        // R, glm(vs ~ wt + disp, family = binomial, data = mtcars), published by D. Lillis, "Generalized
        // Linear Models in R, Part 1" (The Analysis Factor, theanalysisfactor.com/r-tutorial-glm1/):
        // 1.60859 (2.43903), 1.62635 (1.49068), -0.03443 (0.01536); p 0.510, 0.275, 0.025; residual
        // deviance 21.40 on 29 df.
        assertArrayEquals(new double[] {1.60859, 1.62635, -0.03443}, fit.coefficients(), 5e-6);
        assertArrayEquals(new double[] {2.43903, 1.49068, 0.01536}, fit.standardErrors(), 5e-6);
        assertArrayEquals(new double[] {0.510, 0.275, 0.025}, fit.pValues(), 5e-4);
        assertEquals(21.40, fit.deviance(), 5e-3);
        // numpy, 12 digits.
        assertRelative(new double[] {1.608592600103, 1.626353248149, -0.034433726745}, fit.coefficients(), 1e-8);
        assertRelative(new double[] {2.439030497631, 1.490684162433, 0.015364961633}, fit.standardErrors(), 1e-8);
        assertEquals(21.40038501621148, fit.deviance(), 1e-8);
    }

    @Test
    void findsTheFiniteEstimateEvenWhenSomeFittedProbabilitiesAreNumericallyZeroOrOne() {
        // Above-average mpg on hp and gear: a finite MLE at which 6 of 32 fitted probabilities are within
        // 1e-9 of 0 or 1 (numpy), so R warns "fitted probabilities numerically 0 or 1 occurred". R output
        // published by B. M. Hill, "Interpreting Logistic Regression Coefficients with Examples in R":
        // 26.7692 (17.5568), -0.3387 (0.1974), 3.2290 (2.6792), residual deviance 5.8697 on 29 df.
        double mean = 0;
        for (double m : MPG) {
            mean += m / MPG.length;
        }
        int[] above = new int[MPG.length];
        double[] gear = new double[MPG.length];
        for (int i = 0; i < MPG.length; i++) {
            above[i] = MPG[i] > mean ? 1 : 0;
            gear[i] = GEAR[i];
        }
        LogisticFit fit = LogisticRegression.fit(columns(HP, gear), events(above));
        assertTrue(fit.converged());
        assertArrayEquals(new double[] {26.7692, -0.3387, 3.2290}, fit.coefficients(), 5e-5);
        // R's SEs are up to 1.6e-4 from the converged values: glm.fit stops once the deviance changes by
        // less than 1e-8 relative and takes the covariance from the working weights of the iterate before
        // its last, which here, with fitted probabilities still moving towards 0 and 1, shows in the fourth
        // decimal. Checked by replaying glm.fit's IRLS in numpy (start mu = (y + 1/2) / 2, same stopping
        // rule): it prints R's 17.5568, 0.1974, 2.6792 after R's 10 iterations. numpy's fully converged
        // Newton agrees with this code to 1e-8 (below).
        assertArrayEquals(new double[] {17.5568, 0.1974, 2.6792}, fit.standardErrors(), 2e-4);
        assertEquals(5.8697, fit.deviance(), 5e-5);
        // numpy, 12 digits.
        assertRelative(new double[] {26.769174363765, -0.338749488315, 3.228993824192}, fit.coefficients(), 1e-8);
        assertRelative(new double[] {17.556960542054, 0.197414703492, 2.67925851904}, fit.standardErrors(), 1e-7);
    }

    @Test
    void anOffsetProportionalToAColumnShiftsOnlyThatCoefficient() {
        LogisticFit plain = LogisticRegression.fit(columns(MPG), events(VS));
        double[] offset = new double[MPG.length];
        for (int i = 0; i < offset.length; i++) {
            offset[i] = 0.1 * MPG[i] - 0.5;
        }
        LogisticFit shifted = LogisticRegression.fit(columns(MPG), events(VS), null, offset, Options.defaults());
        // eta = offset + b0' + b1' x = b0 + b1 x with b0' = b0 + 0.5 and b1' = b1 - 0.1: same likelihood.
        assertEquals(plain.coefficient(0) + 0.5, shifted.coefficient(0), 1e-8);
        assertEquals(plain.coefficient(1) - 0.1, shifted.coefficient(1), 1e-9);
        assertArrayEquals(plain.standardErrors(), shifted.standardErrors(), 1e-8);
        assertEquals(plain.logLikelihood(), shifted.logLikelihood(), 1e-9);
        assertEquals(plain.predict(new double[] {21}), shifted.predict(new double[] {21}, 0.1 * 21 - 0.5), 1e-10);
    }

    @Test
    void aLargeOffsetIsFittedByHalvingNewtonsOvershootingSteps() {
        // With every row's log-odds shifted by +15, the first Newton step from zero is about -5.5e6 on the
        // intercept (every fitted probability is near 1, so the information is tiny) and takes the
        // log-likelihood from -270 to -1.6e7; the fit takes it only after 16 halvings (checked: with
        // halving disabled this test fails). It then reaches the plain fit's likelihood, the intercept
        // shifted by exactly -15.
        double[] offset = new double[MPG.length];
        java.util.Arrays.fill(offset, 15);
        LogisticFit plain = LogisticRegression.fit(columns(MPG), events(VS));
        LogisticFit shifted = LogisticRegression.fit(columns(MPG), events(VS), null, offset, Options.defaults());
        assertTrue(shifted.converged());
        assertEquals(plain.coefficient(0) - 15, shifted.coefficient(0), 1e-8);
        assertEquals(plain.coefficient(1), shifted.coefficient(1), 1e-9);
        assertEquals(plain.logLikelihood(), shifted.logLikelihood(), 1e-9);
    }

    @Test
    void frequencyWeightsEqualRepeatedRowsAndZeroWeightsDropRows() {
        int n = MPG.length;
        double[] weights = new double[n];
        int repeated = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = i % 4; // 0, 1, 2, 3: every fourth row dropped, others once, twice, three times
            repeated += (int) weights[i];
        }
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = Math.log(1 + i % 3); // a log-exposure style offset, to exercise both together
        }
        double[][] x = new double[repeated][];
        boolean[] y = new boolean[repeated];
        double[] repeatedOffset = new double[repeated];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int copy = 0; copy < weights[i]; copy++) {
                x[r] = new double[] {MPG[i], WT[i]};
                y[r] = VS[i] == 1;
                repeatedOffset[r] = offset[i];
                r++;
            }
        }
        LogisticFit weighted = LogisticRegression.fit(columns(MPG, WT), events(VS), weights, offset,
                Options.defaults());
        LogisticFit copies = LogisticRegression.fit(x, y, null, repeatedOffset, Options.defaults());
        assertRelative(copies.coefficients(), weighted.coefficients(), 1e-9);
        assertRelative(copies.standardErrors(), weighted.standardErrors(), 1e-9);
        assertEquals(copies.logLikelihood(), weighted.logLikelihood(), 1e-9);
        assertEquals(24, weighted.observations());
    }

    @Test
    void ridgeSolutionZeroesThePenalisedGradientAndShrinksTheSlopesButNotTheIntercept() {
        double lambda = 3.0;
        double[][] x = columns(standardised(MPG), standardised(WT));
        Options options = Options.defaults().withRidge(lambda);
        LogisticFit ridge = LogisticRegression.fit(x, events(VS), null, null, options);
        LogisticFit mle = LogisticRegression.fit(x, events(VS));
        assertTrue(ridge.converged());
        // By hand: d/db_j [ll - lambda/2 (b1^2 + b2^2)] = sum (y - p) x_j - lambda b_j, with no penalty
        // on the intercept (x_0 = 1).
        double[] b = ridge.coefficients();
        double[] g = new double[3];
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double eta = b[0] + b[1] * x[i][0] + b[2] * x[i][1];
            double p = 1 / (1 + Math.exp(-eta));
            double residual = VS[i] - p;
            g[0] += residual;
            g[1] += residual * x[i][0];
            g[2] += residual * x[i][1];
            ll += VS[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        g[1] -= lambda * b[1];
        g[2] -= lambda * b[2];
        assertArrayEquals(new double[] {0, 0, 0}, g, 1e-9);
        assertEquals(ll, ridge.logLikelihood(), 1e-10);
        assertEquals(ll - lambda / 2 * (b[1] * b[1] + b[2] * b[2]), ridge.penalizedLogLikelihood(), 1e-10);
        double ridgeNorm = b[1] * b[1] + b[2] * b[2];
        double mleNorm = mle.coefficient(1) * mle.coefficient(1) + mle.coefficient(2) * mle.coefficient(2);
        assertTrue(ridgeNorm < mleNorm, ridgeNorm + " vs " + mleNorm);
        assertTrue(mle.logLikelihood() > ridge.logLikelihood());
    }

    @Test
    void aHeavyRidgeLeavesTheInterceptAtTheLogOddsOfTheEventShare() {
        // As lambda grows the slopes go to 0 and the unpenalised intercept to logit(14 / 32).
        LogisticFit fit = LogisticRegression.fit(columns(standardised(MPG)), events(VS), null, null,
                Options.defaults().withRidge(1e7));
        assertEquals(Math.log(14.0 / 18.0), fit.coefficient(0), 1e-5);
        assertEquals(0, fit.coefficient(1), 1e-5);
    }

    @Test
    void aCallersOwnInterceptColumnGivesTheSameFitAndIsNotPenalised() {
        double[] ones = new double[MPG.length];
        java.util.Arrays.fill(ones, 1);
        double[] z = standardised(MPG);
        Options ridge = Options.defaults().withRidge(2.0);
        LogisticFit added = LogisticRegression.fit(columns(z), events(VS), null, null, ridge);
        LogisticFit own = LogisticRegression.fit(columns(z, ones), events(VS), null, null,
                ridge.withInterceptColumn(1));
        assertEquals(added.coefficient(0), own.coefficient(1), 1e-10);
        assertEquals(added.coefficient(1), own.coefficient(0), 1e-10);
        assertFalse(own.addedIntercept());
        assertEquals(1, own.interceptIndex());
        assertEquals(added.predict(new double[] {0.3}), own.predict(new double[] {0.3, 1}), 1e-12);
    }

    @Test
    void completeSeparationIsReportedNotFitted() {
        LogisticFitException e = assertThrows(LogisticFitException.class, () -> LogisticRegression.fit(
                new double[][] {{1}, {2}, {3}, {4}}, new boolean[] {false, false, true, true}));
        assertEquals(Reason.SEPARATION, e.reason());
        assertTrue(e.getMessage().contains("separated"), e.getMessage());
    }

    @Test
    void quasiCompleteSeparationIsReportedNotFitted() {
        // x = 3 holds one non-event and one event; below 3 only non-events, above only events.
        LogisticFitException e = assertThrows(LogisticFitException.class, () -> LogisticRegression.fit(
                new double[][] {{1}, {2}, {3}, {3}, {4}, {5}},
                new boolean[] {false, false, false, true, true, true}));
        assertEquals(Reason.SEPARATION, e.reason());
    }

    @Test
    void outcomesAllTheSameAreSeparatedByTheInterceptAlone() {
        LogisticFitException e = assertThrows(LogisticFitException.class, () -> LogisticRegression.fit(
                columns(MPG), new boolean[MPG.length]));
        assertEquals(Reason.SEPARATION, e.reason());
        // All events: 1 - mu rounds to 0 long before the information matrix is singular; the fit must
        // still see the intercept diverge rather than stop with a zero gradient.
        boolean[] all = {true, true, true, true, true};
        e = assertThrows(LogisticFitException.class,
                () -> LogisticRegression.fit(new double[][] {{1}, {2}, {3}, {4}, {5}}, all));
        assertEquals(Reason.SEPARATION, e.reason());
    }

    @Test
    void aColumnsUnitsDoNotChangeTheFit() {
        // Displacement in cubic inches and in millionths of a cubic inch: the coefficient scales by 1e-6,
        // nothing else changes (the convergence and singularity tests are unit-free).
        double[] tiny = new double[DISP.length];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = DISP[i] * 1e6;
        }
        LogisticFit inches = LogisticRegression.fit(columns(WT, DISP), events(VS));
        LogisticFit scaled = LogisticRegression.fit(columns(WT, tiny), events(VS));
        assertEquals(inches.coefficient(2) * 1e-6, scaled.coefficient(2), 1e-9 * Math.abs(scaled.coefficient(2)));
        assertEquals(inches.coefficient(1), scaled.coefficient(1), 1e-8);
        assertEquals(inches.deviance(), scaled.deviance(), 1e-9);
        assertArrayEquals(inches.pValues(), scaled.pValues(), 1e-9);
    }

    @Test
    void aRidgePenaltyGivesSeparatedDataAFiniteFit() {
        LogisticFit fit = LogisticRegression.fit(new double[][] {{-1.5}, {-0.5}, {0.5}, {1.5}},
                new boolean[] {false, false, true, true}, null, null, Options.defaults().withRidge(0.5));
        assertTrue(fit.converged());
        assertTrue(fit.coefficient(1) > 0 && fit.coefficient(1) < 20, "slope " + fit.coefficient(1));
        assertEquals(0, fit.coefficient(0), 1e-9); // symmetric data
    }

    @Test
    void collinearColumnsAreReportedAsASingularInformationMatrix() {
        double[] twice = new double[MPG.length];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = 2 * MPG[i] + 1;
        }
        LogisticFitException e = assertThrows(LogisticFitException.class,
                () -> LogisticRegression.fit(columns(MPG, twice), events(VS)));
        assertEquals(Reason.SINGULAR_INFORMATION, e.reason());
        LogisticFitException zero = assertThrows(LogisticFitException.class,
                () -> LogisticRegression.fit(columns(MPG, new double[MPG.length]), events(VS)));
        assertEquals(Reason.SINGULAR_INFORMATION, zero.reason());
    }

    @Test
    void stoppingAtTheStepLimitIsFlaggedAsNotConverged() {
        LogisticFit fit = LogisticRegression.fit(columns(MPG), events(VS), null, null,
                Options.defaults().withMaxIterations(2));
        assertFalse(fit.converged());
        assertEquals(2, fit.iterations());
        assertTrue(LogisticRegression.fit(columns(MPG), events(VS)).iterations() < 20);
    }

    @Test
    void badInputIsRefusedWithTheOffendingRowNamed() {
        double[][] x = columns(MPG);
        boolean[] y = events(VS);
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new boolean[3]));
        double[][] nan = columns(MPG);
        nan[5][0] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(nan, y));
        assertTrue(e.getMessage().contains("x[5][0]"), e.getMessage());
        double[] negative = new double[MPG.length];
        negative[3] = -1;
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(x, y, negative, null, Options.defaults()));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(x, y, new double[MPG.length], null, Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withRidge(-1));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(x, y, null, null, Options.defaults().withInterceptColumn(1)));
        LogisticFit fit = LogisticRegression.fit(x, y);
        assertThrows(IllegalArgumentException.class, () -> fit.predict(new double[] {1, 2}));
    }

    @Test
    void theFitIsImmutable() {
        LogisticFit fit = LogisticRegression.fit(columns(MPG), events(VS));
        fit.coefficients()[0] = 99;
        fit.covariance()[0][0] = 99;
        assertEquals(-8.8331, fit.coefficient(0), 5e-5);
        assertEquals(3.1623, fit.standardErrors()[0], 5e-5);
    }

    @Test
    void logisticAndLogitAreInverses() {
        assertEquals(0.5, LogisticRegression.logistic(0), 0);
        assertEquals(1 / (1 + Math.exp(-2.5)), LogisticRegression.logistic(2.5), 1e-15);
        assertEquals(Math.exp(-800), LogisticRegression.logistic(-800), 0); // underflows to 0, not NaN
        assertEquals(1.0, LogisticRegression.logistic(800), 0);
        assertEquals(-1.3, LogisticRegression.logit(LogisticRegression.logistic(-1.3)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.logit(1.5));
    }

    static double[] standardised(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d / v.length;
        }
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = (v[i] - mean) / sd;
        }
        return z;
    }
}
