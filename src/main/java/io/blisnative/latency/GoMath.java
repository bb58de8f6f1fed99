package io.blisnative.latency;

/**
 * The pieces of Go float semantics that BLIS parity depends on: the float→int64 conversions
 * of its latency code ({@code int64(x)} and {@code int64(math.Round(x))}), {@code math.Pow} for
 * whole-number exponents and {@code math.Log2}.
 */
final class GoMath {

    private static final long SIGN_EXP_MASK = 0xFFF0_0000_0000_0000L;
    private static final long HALF_EXPONENT_BITS = 0x3FE0_0000_0000_0000L;
    /** 1/ln 2 rounded to the nearest double, as Go's constant expression {@code 1/Ln2} is. */
    private static final double LOG2_E = 1.4426950408889634;

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
     * Go's {@code int64(math.Round(x))} for x ≥ 0: halves round up (away from zero), NaN and
     * values at or beyond 2^63 clamp to {@link Long#MAX_VALUE}.
     */
    static long roundToLong(double x) {
        if (Double.isNaN(x) || x >= 0x1p63) {
            return Long.MAX_VALUE;
        }
        return x >= 0 ? Math.round(x) : -Math.round(-x);
    }

    /**
     * Base-2 logarithm computed as Go's {@code math.Log2}: exact for powers of two, else
     * {@code ln(frac)·(1/ln 2) + exp} with x = frac·2^exp. Only the natural log of the mantissa
     * may differ from Go's in the last bit.
     */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x) / Math.log(2);
        }
        double frac = frexpFraction(x);
        int exp = frexpExponent(x);
        if (frac == 0.5) {
            return exp - 1;
        }
        return Math.log(frac) * LOG2_E + exp;
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
