package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoMathTest {

    /** Bit patterns of Go 1.19 math.Pow(x, n) printed with math.Float64bits (x = 6/8, 15/16, 29/32, 31/32). */
    @ParameterizedTest(name = "{0}^{1}")
    @CsvSource({
        "3fe8000000000000, 7, 3fc1160000000000",
        "3fe8000000000000, 67, 3e3248a1ba108721",
        "3fe8000000000000, 100, 3d569194f299cddb",
        "3fe8000000000000, 702, 2db8ff32d1b5f705",
        "3fee000000000000, 67, 3f8b20923bb5ea42",
        "3fee000000000000, 513, 3cf2d431b4fc3662",
        "3fee000000000000, 2048, 3403dcacc31efbf2",
        "3fed000000000000, 10, 3fd7ea18931fee90",
        "3fed000000000000, 702, 39b3bc119ee27153",
        "3fef000000000000, 33, 3fd6728aa31761a2",
        "3fef000000000000, 67, 3fbe823fb2df7092",
        "3fef000000000000, 4095, 34359d2c02cf5429",
    })
    void pow_wholeExponent_bitIdenticalToGo(String xBits, long n, String goBits) {
        // given
        double x = Double.longBitsToDouble(Long.parseUnsignedLong(xBits, 16));
        // when
        double got = GoMath.pow(x, n);
        // then
        assertEquals(goBits, Long.toHexString(Double.doubleToRawLongBits(got)));
    }

    @Test
    void pow_javaMathPowDiffers_whyGoMathExists() {
        // given (15/16)^513, where Go's square-and-multiply ends 4 ulps away from the correctly rounded value
        double x = 15.0 / 16.0;
        // when / then
        assertEquals("3cf2d431b4fc3662", Long.toHexString(Double.doubleToRawLongBits(GoMath.pow(x, 513))));
        assertNotEquals(Double.doubleToRawLongBits(GoMath.pow(x, 513)), Double.doubleToRawLongBits(Math.pow(x, 513)));
    }

    @Test
    void pow_specialCases_likeGo() {
        // given / when / then
        assertEquals(1.0, GoMath.pow(0.3, 0));
        assertEquals(0.3, GoMath.pow(0.3, 1));
        assertEquals(0.0, GoMath.pow(0.0, 5));
        assertEquals(1.0, GoMath.pow(1.0, 1_000_000));
        assertEquals(0.0, GoMath.pow(0.75, 1L << 40));
    }

    @Test
    void truncToLong_towardZeroAndClamped() {
        // given / when / then Go int64(x) truncates; NaN and ≥ 2^63 clamp to MaxInt64 (BLIS clampToInt64)
        assertEquals(852, GoMath.truncToLong(852.7974));
        assertEquals(-3, GoMath.truncToLong(-3.9));
        assertEquals(Long.MAX_VALUE, GoMath.truncToLong(Double.NaN));
        assertEquals(Long.MAX_VALUE, GoMath.truncToLong(1e19));
    }

    @Test
    void roundToLong_halvesUpNearestOtherwiseClamped() {
        // given / when / then figures printed by Go int64(math.Round(x))
        assertEquals(0, GoMath.roundToLong(0.49999999999999994));
        assertEquals(1, GoMath.roundToLong(0.5));
        assertEquals(3, GoMath.roundToLong(2.5));
        assertEquals(805, GoMath.roundToLong(804.5));
        assertEquals(43_305, GoMath.roundToLong(43_305.402947868315));
        assertEquals(Long.MAX_VALUE, GoMath.roundToLong(Double.NaN));
        assertEquals(Long.MAX_VALUE, GoMath.roundToLong(1e20));
    }

    /** Bit patterns of Go math.Log2(x) printed with math.Float64bits (go1.19 linux/amd64). */
    @ParameterizedTest(name = "log2({0})")
    @CsvSource({
        "1.5, 3fe2b803473f7ad2",
        "2, 3ff0000000000000",
        "3, 3ff95c01a39fbd69",
        "4.5, 40015c01a39fbd69",
        "15.5, 400fa231acd89a9d",
        "128, 401c000000000000",
        "0.75, bfda8ff971810a5d",
    })
    void log2_batchHalves_bitIdenticalToGo(double x, String goBits) {
        // given the n/2 values the roofline-v2 step overhead takes logs of
        // when
        double got = GoMath.log2(x);
        // then
        assertEquals(goBits, Long.toHexString(Double.doubleToRawLongBits(got)));
    }
}
