package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OverallErrorTest {

    private static final double EPS = 1e-12;

    @Test
    void of_mixedSigns_meanAndMedianOfAbsoluteAndSignedMean() {
        // given signed errors +10, −20, +4, −6 %
        double[] errors = {10, -20, 4, -6};
        // when
        OverallError o = OverallError.of(errors);
        // then |e| = 4, 6, 10, 20: mean 10, median (6 + 10) / 2 = 8; bias (10 − 20 + 4 − 6) / 4 = −3
        assertEquals(4, o.experiments());
        assertEquals(10.0, o.meanAbsErrorPct(), EPS);
        assertEquals(8.0, o.medianAbsErrorPct(), EPS);
        assertEquals(-3.0, o.meanSignedErrorPct(), EPS);
    }

    @Test
    void of_undefinedErrors_areSkipped() {
        // given one undefined error among three
        OverallError o = OverallError.of(new double[] {Double.NaN, -5, 15});
        // when / then only the two defined ones count; median of {5, 15} = 10
        assertEquals(2, o.experiments());
        assertEquals(10.0, o.medianAbsErrorPct(), EPS);
        assertEquals(5.0, o.meanSignedErrorPct(), EPS);
    }

    @Test
    void of_nothingDefined_isAllNaN() {
        // given / when
        OverallError o = OverallError.of(new double[] {Double.NaN});
        // then
        assertEquals(0, o.experiments());
        assertTrue(Double.isNaN(o.meanAbsErrorPct()));
    }
}
