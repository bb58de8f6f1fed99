package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricErrorTest {

    private static final double EPS = 1e-9;

    @Test
    void errorPct_simulationAboveMeasurement_isPositive() {
        // given measured mean 200 ms and simulated 230 ms
        MetricError m = MetricError.of(new LatencySummary(10, 200, 150, 300, 400),
                new LatencySummary(10, 230, 150, 270, 500));
        // when / then (230 − 200) / 200 × 100 = +15 %, over-prediction is positive
        assertEquals(15.0, m.errorPct(), EPS);
        assertEquals(15.0, m.absErrorPct(), EPS);
        assertEquals(30.0, m.absErrorMs(), EPS);
        // and the percentiles: p50 equal, p90 under by 10 %, p99 over by 25 %
        assertEquals(0.0, m.p50ErrorPct(), EPS);
        assertEquals(-10.0, m.p90ErrorPct(), EPS);
        assertEquals(25.0, m.p99ErrorPct(), EPS);
    }

    @Test
    void errorPct_simulationBelowMeasurement_isNegative() {
        // given measured 80 ms, simulated 60 ms
        MetricError m = MetricError.of(new LatencySummary(1, 80, 80, 80, 80), new LatencySummary(1, 60, 60, 60, 60));
        // when / then (60 − 80) / 80 × 100 = −25 %, and the absolute error drops the sign
        assertEquals(-25.0, m.errorPct(), EPS);
        assertEquals(25.0, m.absErrorPct(), EPS);
        assertEquals(20.0, m.absErrorMs(), EPS);
    }

    @Test
    void measuredMean_nothingMeasured_isNaNNotZero() {
        // given a trace without measurements (run --trace-output): the measured side is count 0, mean 0
        MetricError m = MetricError.of(new LatencySummary(0, 0, Double.NaN, Double.NaN, Double.NaN),
                new LatencySummary(1000, 3008.5, 2768.1, 6316.5, 9239.4));
        // when / then no measured mean, no error and no absolute error, rather than "0.00 ms" and a 3008 ms error
        assertTrue(Double.isNaN(m.measuredMeanMs()));
        assertTrue(Double.isNaN(m.errorPct()));
        assertTrue(Double.isNaN(m.absErrorMs()));
        // and a measured side keeps its mean
        assertEquals(80.0, MetricError.of(new LatencySummary(1, 80, 80, 80, 80), new LatencySummary(1, 60, 60, 60, 60))
                .measuredMeanMs(), EPS);
    }

    @Test
    void percentileErrorPct_measuredPercentileMissing_isNaN() {
        // given a measured summary without p90 and p99
        MetricError m = MetricError.of(new LatencySummary(5, 10, 9, Double.NaN, Double.NaN),
                new LatencySummary(5, 11, 10, 12, 13));
        // when / then the missing percentiles give no error, the present one does
        assertTrue(Double.isNaN(m.p90ErrorPct()));
        assertTrue(Double.isNaN(m.p99ErrorPct()));
        assertEquals(100.0 / 9, m.p50ErrorPct(), EPS);
        assertNull(m.requestLevel());
    }

    @Test
    void errorPct_measuredZero_isNaN() {
        // given / when / then a zero measurement has no relative error
        assertTrue(Double.isNaN(MetricError.errorPct(0, 5)));
        assertEquals(-100.0, MetricError.errorPct(5, 0), EPS);
    }

    @Test
    void withPairs_pairedValues_carriesRequestAgreement() {
        // given four measured/simulated request pairs
        double[] meas = {1, 2, 3, 4};
        double[] sim = {1, 3, 2, 4};
        // when
        MetricError m = MetricError.withPairs(new LatencySummary(4, 2.5, 2.5, 3.7, 3.97),
                new LatencySummary(4, 2.5, 2.5, 3.7, 3.97), meas, sim);
        // then MAPE = (0 + 1/2 + 1/3 + 0) / 4 = 20.8333 %, r = 4 / 5 = 0.8
        assertEquals(4, m.requestLevel().pairs());
        assertEquals((0.5 + 1.0 / 3) / 4 * 100, m.requestLevel().mapePct(), EPS);
        assertEquals(0.8, m.requestLevel().pearsonR(), EPS);
    }

    @Test
    void latencySummary_negativeMean_throwsNamingField() {
        // given / when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LatencySummary(1, -1, 0, 0, 0));
        // then
        assertTrue(e.getMessage().contains("meanMs"), e.getMessage());
    }
}
