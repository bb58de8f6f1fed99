package io.blisnative.latency;

/**
 * The two pieces of Go float semantics that BLIS parity depends on: the float→int64 conversion
 * of its latency code and the result of {@code math.Pow} for whole-number exponents.
 */
final class GoMath {

    private static final long SIGN_EXP_MASK = 0xFFF0_0000_0000_0000L;
    private static final long HALF_EXPONENT_BITS = 0x3FE0_0000_0000_0000L;

    private GoMath() {
    }

    /**
     * Truncation toward zero as Go's {@code int64(x)}, with NaN and values at or beyond 2^63
     * clamped to {@link Long#MAX_VALUE} (BLIS clampToInt64).
     */
    static long truncToLong(double x) {
        if (Double.isNaN(x) || x >= 0x1p63) {
            return Long.MAX_VALUE;
        }
        return (long) x;
    }

    /**
     * {@code x^n} for a whole exponent n ≥ 0, computed the way Go's pure-Go {@code math.Pow}
     * does: square-and-multiply on the mantissa with the binary exponent kept apart. It is not
     * correctly rounded, so {@link Math#pow} can differ in the last bits; the roofline's MoE
     * expert-count term uses this to match BLIS bit for bit.
     */
    static double pow(double x, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("exponent must be >= 0, got " + n);
        }
        if (n == 0 || x == 1) {
            return 1;
        }
        if (n == 1 || Double.isNaN(x)) {
            return x;
        }
        if (x == 0) {
            return (n & 1) == 1 ? x : 0.0;
        }
        if (Double.isInfinite(x)) {
            return x > 0 || (n & 1) == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        double x1 = frexpFraction(x);
        int xe = frexpExponent(x);
        double a1 = 1.0;
        int ae = 0;
        for (long i = n; i != 0; i >>= 1) {
            if (xe < -(1 << 12) || (1 << 12) < xe) {
                ae += xe;
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xe;
            }
            x1 *= x1;
            xe <<= 1;
            if (x1 < 0.5) {
                x1 += x1;
                xe--;
            }
        }
        return Math.scalb(a1, ae);
    }

    /** Mantissa of a finite non-zero x scaled into [0.5, 1) with x's sign (Go Frexp's frac). */
    private static double frexpFraction(double x) {
        double normal = Math.abs(x) < Double.MIN_NORMAL ? x * 0x1p52 : x;
        long bits = Double.doubleToRawLongBits(normal);
        return Double.longBitsToDouble((bits & ~SIGN_EXP_MASK) | (bits & Long.MIN_VALUE) | HALF_EXPONENT_BITS);
    }

    /** Binary exponent e with x = frac·2^e (Go Frexp's exp). */
    private static int frexpExponent(double x) {
        if (Math.abs(x) < Double.MIN_NORMAL) {
            return Math.getExponent(x * 0x1p52) + 1 - 52;
        }
        return Math.getExponent(x) + 1;
    }
}
