package io.blisnative.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationLossTest {
    private static final CalibrationLoss GOALS = CalibrationLoss.PRODUCT_GOALS;

    @Test
    void pseudoHuber_knownPoints_quadraticInsideLinearOutside() {
        // given / when / then: rho(0) = 0, rho(1) = sqrt 2 - 1, rho(z) ~ |z| - 1 far out, symmetric
        assertEquals(0, CalibrationLoss.pseudoHuber(0), 0);
        assertEquals(Math.sqrt(2) - 1, CalibrationLoss.pseudoHuber(1), 1e-15);
        assertEquals(CalibrationLoss.pseudoHuber(3), CalibrationLoss.pseudoHuber(-3), 0);
        assertEquals(0.005 * 0.005 / 2, CalibrationLoss.pseudoHuber(0.005), 1e-10);
        assertEquals(999.0005, CalibrationLoss.pseudoHuber(1000), 1e-6);
    }

    @Test
    void logError_missingOrHugeFigures_clampedToThousandfold() {
        // given / when / then
        assertEquals(Math.log(1.1), CalibrationLoss.logError(100, 110), 1e-15);
        assertEquals(Math.log(1000), CalibrationLoss.logError(1, 1e9), 1e-12);
        assertEquals(-Math.log(1000), CalibrationLoss.logError(50, 0), 0);
        assertEquals(-Math.log(1000), CalibrationLoss.logError(50, Double.NaN), 0);
        assertEquals(Math.log(1000), CalibrationLoss.logError(0, 5), 0);
    }

    @Test
    void row_errorsAtTheirTolerances_eachTermIsRhoOfOne() {
        // given E2E off by exactly e^0.05, TTFT by e^-0.10, TPOT exact
        var metrics = Reports.metrics(Math.exp(0.05), Math.exp(-0.10), 1);
        // when
        double row = GOALS.row(metrics);
        // then (rho(1) + rho(-1) + 0) / 3
        assertEquals(2 * (Math.sqrt(2) - 1) / 3, row, 1e-12);
    }

    @Test
    void row_ttftWithMedians_halfMeanHalfMedian() {
        // given TTFT mean 20 % high (a cold-start tail) but median exact; E2E and TPOT exact
        var metrics = new java.util.EnumMap<>(Reports.metrics(1, 1, 1));
        metrics.put(io.blisnative.metrics.MetricKind.TTFT, io.blisnative.metrics.MetricError.of(
                new io.blisnative.metrics.LatencySummary(10, 60, 50, Double.NaN, Double.NaN),
                new io.blisnative.metrics.LatencySummary(10, 72, 50, Double.NaN, Double.NaN)));
        // when
        double row = GOALS.row(metrics);
        // then only the mean half scores: rho(ln 1.2 / 0.1) / 2 / 3
        assertEquals(CalibrationLoss.pseudoHuber(Math.log(1.2) / 0.10) / 6, row, 1e-12);
    }

    @Test
    void experiment_withStages_halfOverallHalfStageMean() {
        // given an exact overall row and two stages scoring rho(1) and rho(3) on E2E only
        var exact = Reports.metrics(1, 1, 1);
        var s0 = Reports.metrics(Math.exp(0.05), 1, 1);
        var s1 = Reports.metrics(Math.exp(0.15), 1, 1);
        // when
        double score = GOALS.experiment(Reports.withStages("x", exact, List.of(s0, s1)));
        // then
        double stageMean = ((Math.sqrt(2) - 1) / 3 + (Math.sqrt(10) - 1) / 3) / 2;
        assertEquals(0.5 * stageMean, score, 1e-12);
    }

    @Test
    void total_meanOverExperiments_saturatedOneDoesNotDominateLinearly() {
        // given one exact experiment and one whose TTFT is 1300x too high (a saturated queue)
        var fine = Reports.report("fine", 1, 1, 1);
        var saturated = Reports.report("saturated", 1, 1300, 1);
        // when
        double total = GOALS.total(List.of(fine, saturated));
        // then the clamp at 1000x and the linear tail bound the penalty
        double expected = CalibrationLoss.pseudoHuber(Math.log(1000) / 0.10) / 3 / 2;
        assertEquals(expected, total, 1e-12);
        assertTrue(total < 12, "bounded: " + total);
    }

    @Test
    void constructor_nonPositiveTolerance_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> new CalibrationLoss(0.05, 0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> GOALS.total(List.of()));
    }
}
