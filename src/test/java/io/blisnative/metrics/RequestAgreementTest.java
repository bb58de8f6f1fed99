package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestAgreementTest {

    private static final double EPS = 1e-12;

    @Test
    void of_zeroMeasurement_isSkippedInMape() {
        // given a pair whose measured value is 0
        double[] meas = {100, 200, 0, 400};
        double[] sim = {110, 180, 5, 400};
        // when
        RequestAgreement a = RequestAgreement.of(meas, sim);
        // then MAPE = (0.1 + 0.1 + 0) / 3 over the three usable pairs, in %
        assertEquals(4, a.pairs());
        assertEquals(0.2 / 3 * 100, a.mapePct(), EPS);
    }

    @Test
    void of_perfectlyAntiCorrelated_givesMinusOne() {
        // given / when
        RequestAgreement a = RequestAgreement.of(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        // then
        assertEquals(-1.0, a.pearsonR(), EPS);
    }

    @Test
    void of_fewerThanThreePairs_hasNoCorrelation() {
        // given / when
        RequestAgreement a = RequestAgreement.of(new double[] {1, 2}, new double[] {1, 2});
        // then BLIS requires n >= 3 for r
        assertTrue(Double.isNaN(a.pearsonR()));
        assertEquals(0.0, a.mapePct(), EPS);
    }

    @Test
    void of_constantSimulation_givesZeroCorrelation() {
        // given a simulator that predicts the same value for every request
        RequestAgreement a = RequestAgreement.of(new double[] {1, 2, 3}, new double[] {5, 5, 5});
        // when / then the zero-variance side makes r = 0 rather than NaN, as in BLIS
        assertEquals(0.0, a.pearsonR(), 0.0);
    }

    @Test
    void of_lengthMismatch_throws() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> RequestAgreement.of(new double[2], new double[3]));
    }
}
