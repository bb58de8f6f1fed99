package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final double EPS = 1e-12;

    @Test
    void percentileMs_p90OfFourValues_interpolatesAtRankTwoPointSeven() {
        // given 10, 20, 30, 40 µs: rank = 0.9 · 3 = 2.7, between 30 and 40
        long[] us = {10, 20, 30, 40};
        // when
        double p90 = Percentiles.percentileMs(us, 90);
        // then 30 + 0.7 · 10 = 37 µs = 0.037 ms (numpy.percentile gives 37.0)
        assertEquals(0.037, p90, EPS);
    }

    @Test
    void percentileMs_medianOfEvenCount_averagesMiddlePair() {
        // given four values (numpy.percentile([10,20,30,40], 50) = 25.0)
        long[] us = {10, 20, 30, 40};
        // when / then
        assertEquals(0.025, Percentiles.percentileMs(us, 50), EPS);
    }

    @Test
    void percentileMs_extremes_returnMinAndMax() {
        // given
        long[] us = {1500, 2500, 9000};
        // when / then p0 is the minimum and p100 the maximum, with no interpolation
        assertEquals(1.5, Percentiles.percentileMs(us, 0));
        assertEquals(9.0, Percentiles.percentileMs(us, 100));
    }

    @Test
    void percentileMs_p99OfOneToHundred_matchesNumpy() {
        // given 1..100 µs (numpy.percentile(np.arange(1, 101), 99) = 99.01)
        long[] us = LongStream.rangeClosed(1, 100).toArray();
        double[] asDoubles = LongStream.rangeClosed(1, 100).asDoubleStream().toArray();
        // when / then both input types agree with numpy
        assertEquals(0.09901, Percentiles.percentileMs(us, 99), EPS);
        assertEquals(0.09901, Percentiles.percentileMs(asDoubles, 99), EPS);
    }

    @Test
    void percentileMs_singleValue_returnsItForAnyP() {
        // given
        long[] us = {7000};
        // when / then
        assertEquals(7.0, Percentiles.percentileMs(us, 1));
        assertEquals(7.0, Percentiles.percentileMs(us, 99));
    }

    @Test
    void percentileMs_empty_returnsZero() {
        // given / when / then: BLIS reports 0, not an error, for an empty set
        assertEquals(0.0, Percentiles.percentileMs(new long[0], 99));
        assertEquals(0.0, Percentiles.percentileMs(new double[0], 50));
        assertEquals(0.0, Percentiles.percentile(new double[0], 50));
    }

    @Test
    void percentileMs_pOutOfRange_throws() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentileMs(new long[] {1}, 100.5));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentileMs(new long[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentileMs(new double[0], Double.NaN));
    }

    @Test
    void percentileMs_ttftP90OfBlisSample_dividesEachTermBeforeAdding() {
        // given the two TTFT order statistics around rank 899.1 of the llama8b BLIS sample (n = 1000)
        long[] us = new long[1000];
        for (int i = 0; i < 1000; i++) {
            us[i] = i < 900 ? 17430 : 17449;
        }
        // when
        double p90 = Percentiles.percentileMs(us, 90);
        // then BLIS printed 17.4319 exactly; interpolating first and dividing once gives 17.431900000000002
        assertEquals(17.4319, p90, 0.0);
    }

    @Test
    void meanMs_threeValues_isSumOverCountOverThousand() {
        // given
        long[] us = {1000, 2000, 4000};
        // when / then 7000 / 3 / 1000
        assertEquals(7.0 / 3, Percentiles.meanMs(us), EPS);
        assertEquals(7.0 / 3, Percentiles.meanMs(new double[] {1000, 2000, 4000}), EPS);
        assertEquals(0.0, Percentiles.meanMs(new long[0]));
    }

    @Test
    void percentile_calibrationForm_keepsUnit() {
        // given values in any unit (numpy.percentile([1, 2, 3, 4, 5], 99) = 4.96)
        double[] v = {1, 2, 3, 4, 5};
        // when / then
        assertEquals(4.96, Percentiles.percentile(v, 99), EPS);
        assertEquals(3.0, Percentiles.mean(v), EPS);
    }
}
