package io.blisnative.workload;

/**
 * Go's {@code math.Log}, reproduced so the normal and exponential tail samplers of
 * {@link GoRandom} return the same bits as Go. The JDK's {@code Math.log} may differ in the last
 * place; Go (both its pure version and its amd64 assembly) uses the FreeBSD reduction
 * {@code log(x) = k·ln2 + log(1+f)} with a degree-14 polynomial, which is what this class does,
 * operation for operation and without fused multiply-add.
 */
final class GoMath {

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double L1 = 6.666666666666735130e-01;
    private static final double L2 = 3.999999999940941908e-01;
    private static final double L3 = 2.857142874366239149e-01;
    private static final double L4 = 2.222219843214978396e-01;
    private static final double L5 = 1.818357216161805012e-01;
    private static final double L6 = 1.531383769920937332e-01;
    private static final double L7 = 1.479819860511658591e-01;
    private static final double HALF_SQRT2 = 0.7071067811865476;
    private static final long EXP_MASK = 0x7ffL << 52;
    private static final long HALF_EXP_BITS = 1022L << 52;

    private GoMath() {
    }

    /** Natural logarithm with Go's special cases: NaN and +Inf pass through, log(0) = −Inf, x &lt; 0 → NaN. */
    static double log(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // frexp: x = f1 · 2^ki with f1 in [0.5, 1); subnormals are normalised first.
        int ki = 0;
        if (Math.abs(x) < Double.MIN_NORMAL) {
            x *= 0x1p52;
            ki = -52;
        }
        long bits = Double.doubleToRawLongBits(x);
        ki += (int) ((bits & EXP_MASK) >>> 52) - 1022;
        double f1 = Double.longBitsToDouble((bits & ~EXP_MASK) | HALF_EXP_BITS);
        if (f1 < HALF_SQRT2) {
            f1 *= 2;
            ki--;
        }
        double f = f1 - 1;
        double k = ki;
        double s = f / (2 + f);
        double s2 = s * s;
        double s4 = s2 * s2;
        double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
        double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
        double r = t1 + t2;
        double hfsq = 0.5 * f * f;
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    }
}
