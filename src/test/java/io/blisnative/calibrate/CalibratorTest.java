package io.blisnative.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.metrics.ExperimentReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalibratorTest {
    private static final CalibrationLoss LOSS = CalibrationLoss.PRODUCT_GOALS;

    /**
     * A synthetic experiment whose simulation is exact at beta0 = b and alpha0 = a: E2E and TPOT
     * scale with beta0/b, TTFT with alpha0/a. A subsample is 2 % slow, as a cut trace may be.
     */
    private record Synthetic(String name, double b, double a, double bias, AtomicInteger calls)
            implements CalibrationTarget {
        Synthetic(String name, double b, double a) {
            this(name, b, a, 1, new AtomicInteger());
        }

        @Override
        public ExperimentReport simulate(double[] alpha, double[] beta) {
            calls.incrementAndGet();
            double r = beta[0] / b * bias;
            return Reports.report(name, r, alpha[0] / a * bias, r);
        }

        @Override
        public CalibrationTarget subsample(double fraction) {
            return fraction == 1 ? this : new Synthetic(name, b, a, 1.02, calls);
        }
    }

    private static ParameterSpace space() {
        return new ParameterSpace(new double[] {1000, 0, 0}, new double[] {1.0, 7},
                List.of(FitParameter.parse("beta0=0.5:3"), FitParameter.parse("alpha0=0:5000")));
    }

    private static Calibrator calibrator(OptimizerKind kind, int evaluations, double subsample) {
        return new Calibrator(LOSS, kind, evaluations, subsample, 0.5, 2, line -> { });
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void fit_syntheticProblem_findsKnownOptimum(OptimizerKind kind) {
        // given two experiments that agree on the optimum beta0 = 1.5, alpha0 = 2000
        List<CalibrationTarget> train = List.of(new Synthetic("a", 1.5, 2000), new Synthetic("b", 1.5, 2000));
        // when
        FitResult fit;
        try (Calibrator c = calibrator(kind, 300, 1)) {
            fit = c.fit(train, space());
        }
        // then within 1 % of the optimum, untouched coefficients kept, loss near 0
        assertEquals(1.5, fit.beta()[0], 0.015, kind + " beta0");
        assertEquals(2000, fit.alpha()[0], 20, kind + " alpha0");
        assertEquals(7, fit.beta()[1], 0);
        assertTrue(fit.loss() < 0.01, kind + " loss " + fit.loss());
        assertTrue(fit.evaluations() <= 300, "budget kept: " + fit.evaluations());
        assertEquals(List.of("a", "b"), fit.reports().stream().map(ExperimentReport::name).toList());
    }

    @Test
    void fit_withSubsample_refinesOnFullExperiments() {
        // given a subsample that is 2 % slow everywhere
        Synthetic t = new Synthetic("a", 1.5, 2000);
        // when
        FitResult fit;
        try (Calibrator c = calibrator(OptimizerKind.BOBYQA, 120, 0.3)) {
            fit = c.fit(List.of(t), space());
        }
        // then the full-trace phase removes the subsample's bias
        assertEquals(1.5, fit.beta()[0], 0.01);
        assertEquals(2000, fit.alpha()[0], 15);
        assertTrue(t.calls().get() <= 120, "evaluations " + t.calls().get());
    }

    @Test
    void leaveOneOut_threeExperiments_eachTestedOnAFitWithoutIt() {
        // given three experiments with optima 1.4, 1.5, 1.6
        List<CalibrationTarget> all = List.of(new Synthetic("lo", 1.4, 2000), new Synthetic("mid", 1.5, 2000),
                new Synthetic("hi", 1.6, 2000));
        // when
        List<HoldoutFold> folds;
        try (Calibrator c = calibrator(OptimizerKind.BOBYQA, 80, 1)) {
            folds = c.leaveOneOut(all, space());
        }
        // then: without "lo" the fit lands between 1.5 and 1.6, so "lo" is over-predicted, and so on
        assertEquals(List.of("lo", "mid", "hi"), folds.stream().map(HoldoutFold::heldOut).toList());
        assertTrue(folds.get(0).fit().beta()[0] > 1.5 && folds.get(0).fit().beta()[0] < 1.6);
        assertTrue(folds.get(0).test().errorPct(io.blisnative.metrics.MetricKind.E2E) > 0);
        assertTrue(folds.get(2).test().errorPct(io.blisnative.metrics.MetricKind.E2E) < 0);
        assertEquals(LOSS.experiment(folds.get(1).test()), folds.get(1).testLoss(), 0);
        assertTrue(folds.get(1).testLoss() < folds.get(0).testLoss());
    }

    @Test
    void leaveGroupOut_byModel_holdsOutEveryExperimentOfTheGroupTogether() {
        // given two experiments of model A (optimum 1.4) and one of model B (optimum 1.6)
        List<CalibrationTarget> all = List.of(new Synthetic("a1", 1.4, 2000), new Synthetic("b1", 1.6, 2000),
                new Synthetic("a2", 1.4, 2000));
        // when grouped by the name's first letter
        List<HoldoutFold> folds;
        try (Calibrator c = calibrator(OptimizerKind.BOBYQA, 80, 1)) {
            folds = c.leaveGroupOut(all, space(), t -> t.name().substring(0, 1));
        }
        // then group "a" is tested with the fit on b1 alone (beta0 near 1.6), both a1 and a2 on that fit
        assertEquals(List.of("a1", "a2", "b1"), folds.stream().map(HoldoutFold::heldOut).toList());
        assertEquals(List.of("a", "a", "b"), folds.stream().map(HoldoutFold::group).toList());
        assertEquals(1.6, folds.get(0).fit().beta()[0], 0.02);
        assertTrue(folds.get(0).fit() == folds.get(1).fit(), "one fit per group");
        assertEquals(1.4, folds.get(2).fit().beta()[0], 0.02);
    }

    @Test
    void constructorAndLeaveOneOut_badArguments_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> calibrator(OptimizerKind.BOBYQA, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> calibrator(OptimizerKind.BOBYQA, 10, 0));
        try (Calibrator c = calibrator(OptimizerKind.BOBYQA, 10, 1)) {
            assertThrows(IllegalArgumentException.class,
                    () -> c.leaveOneOut(List.of(new Synthetic("only", 1, 1)), space()));
            assertThrows(IllegalArgumentException.class, () -> c.fit(List.of(), space()));
        }
    }
}
