package io.blisnative.workload;

import static io.blisnative.workload.GoZigguratTables.FE;
import static io.blisnative.workload.GoZigguratTables.FN;
import static io.blisnative.workload.GoZigguratTables.KE;
import static io.blisnative.workload.GoZigguratTables.KN;
import static io.blisnative.workload.GoZigguratTables.WE;
import static io.blisnative.workload.GoZigguratTables.WN;

/**
 * Bit-exact port of Go's {@code math/rand} generator as obtained from
 * {@code rand.New(rand.NewSource(seed))}: an additive lagged Fibonacci source
 * (length 607, tap 273) plus the {@code Rand} methods BLIS draws from. Same seed, same call
 * sequence, same values as Go, which is what reproducing BLIS workloads requires.
 *
 * <p>Go's value stream for seeded sources is frozen by its Go 1 compatibility promise: the
 * modulo-rejection {@code Int31n} (not the faster Lemire variant Go keeps for {@code Shuffle})
 * is what {@code Intn} uses, and {@code Float64} is {@code Int63 / 2^63}. Floating-point steps
 * are evaluated without fused multiply-add, as Go does on amd64; {@code Log} follows Go's own
 * algorithm rather than the JDK's.
 *
 * <p>Not thread-safe; one instance per random stream. No method allocates.
 */
public final class GoRandom {

    private static final int LEN = 607;
    private static final int TAP = 273;
    private static final int INT32_MAX = Integer.MAX_VALUE;
    private static final long INT63_MASK = Long.MAX_VALUE;
    /** 2^63 as a double; converting Int63 to a double then dividing gives Go's Float64. */
    private static final double TWO_POW_63 = 0x1p63;
    /** Start of the normal tail (Marsaglia-Tsang "r" for 128 layers). */
    private static final double NORM_R = 3.442619855899;
    /**
     * Go folds {@code 1.0 / rn} exactly before rounding to float64; for this constant the
     * correctly rounded quotient equals the IEEE division, so computing it here is exact.
     */
    private static final double NORM_R_INV = 1.0 / NORM_R;
    /** Start of the exponential tail for 256 layers. */
    private static final double EXP_R = 7.69711747013104972;

    private final long[] vec = new long[LEN];
    private int tap;
    private int feed;

    /** Seeds the generator exactly as Go's {@code rand.NewSource(seed)}; every long is accepted. */
    public GoRandom(long seed) {
        tap = 0;
        feed = LEN - TAP;
        long s = seed % INT32_MAX;
        if (s < 0) {
            s += INT32_MAX;
        }
        if (s == 0) {
            s = 89482311;
        }
        int x = (int) s;
        for (int i = -20; i < LEN; i++) {
            x = seedStep(x);
            if (i >= 0) {
                long u = (long) x << 40;
                x = seedStep(x);
                u ^= (long) x << 20;
                x = seedStep(x);
                u ^= x;
                u ^= GoRngCooked.RNG_COOKED[i];
                vec[i] = u;
            }
        }
    }

    /** One step of the Park-Miller generator x' = 48271·x mod (2^31−1), via Schrage's method. */
    private static int seedStep(int x) {
        int hi = x / 44488;
        int lo = x % 44488;
        x = 48271 * lo - 3399 * hi;
        if (x < 0) {
            x += INT32_MAX;
        }
        return x;
    }

    /** Go {@code Uint64}: all 64 bits of the next source value (as a signed long). */
    public long uint64() {
        if (--tap < 0) {
            tap += LEN;
        }
        if (--feed < 0) {
            feed += LEN;
        }
        long x = vec[feed] + vec[tap];
        vec[feed] = x;
        return x;
    }

    /** Go {@code Int63}: a value in [0, 2^63). */
    public long int63() {
        return uint64() & INT63_MASK;
    }

    /** Go {@code Uint32}: bits 31..62 of Int63, returned as a value in [0, 2^32). */
    public long uint32() {
        return int63() >>> 31;
    }

    /** Go {@code Int31}: a value in [0, 2^31). */
    public int int31() {
        return (int) (int63() >>> 32);
    }

    /**
     * Go {@code Int63n}: uniform in [0, n) by masking (power of two) or rejection then modulo.
     *
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public long int63n(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        if ((n & (n - 1)) == 0) {
            return int63() & (n - 1);
        }
        long max = INT63_MASK - Long.remainderUnsigned(Long.MIN_VALUE, n);
        long v = int63();
        while (v > max) {
            v = int63();
        }
        return v % n;
    }

    /**
     * Go {@code Int31n} (the modulo-rejection variant): uniform in [0, n).
     *
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public int int31n(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        if ((n & (n - 1)) == 0) {
            return int31() & (n - 1);
        }
        int max = INT32_MAX - (int) ((1L << 31) % n);
        int v = int31();
        while (v > max) {
            v = int31();
        }
        return v % n;
    }

    /**
     * Fills {@code ids[from, to)} with successive {@link #intn}{@code (n)} draws, the same values
     * and the same stream position as calling it in a loop. Workload generation draws every token
     * id through here, so the loop is tuned: the rejection bound and a multiplicative inverse of
     * {@code n} (which replaces the division of the modulo) are computed once, and draws run in
     * stretches where neither lag index wraps, so the inner loop has no wrap tests.
     */
    public void fillIntn(int[] ids, int from, int to, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        if ((n & (n - 1)) == 0) {
            for (int i = from; i < to; i++) {
                ids[i] = int31() & (n - 1);
            }
            return;
        }
        int max = INT32_MAX - (int) ((1L << 31) % n);
        long inverse = Long.divideUnsigned(-1L, n) + 1;
        long[] v = vec;
        int i = from;
        while (i < to) {
            int end = i + Math.min(Math.min(tap, feed), to - i);
            if (end == i) {
                ids[i++] = remainder(boundedInt31(max), inverse, n);
                continue;
            }
            int t = tap;
            int f = feed;
            for (; i < end; i++) {
                long x = v[--f] + v[--t];
                v[f] = x;
                int draw = (int) (x >>> 32) & INT32_MAX;
                if (draw > max) {
                    break;
                }
                ids[i] = remainder(draw, inverse, n);
            }
            tap = t;
            feed = f;
            if (i < end) {
                // Rejected: redraw through the wrapping path (Go loops on Int31 the same way).
                ids[i++] = remainder(boundedInt31(max), inverse, n);
            }
        }
    }

    private int boundedInt31(int max) {
        int v = int31();
        while (v > max) {
            v = int31();
        }
        return v;
    }

    /**
     * {@code value % n} for {@code 0 ≤ value < 2^31} and {@code 0 < n < 2^31} without a division
     * (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019): {@code inverse} is
     * {@code ⌊(2^64 − 1) / n⌋ + 1}, and the remainder is the high word of the 128-bit product of
     * the low 64 bits of {@code inverse·value} with {@code n}.
     */
    private static int remainder(int value, long inverse, int n) {
        long low = inverse * value;
        // Unsigned high word from the signed one: add n back when low's top bit is set (n > 0).
        return (int) (Math.multiplyHigh(low, n) + ((low >> 63) & n));
    }

    /**
     * Go {@code Intn} for any n a Java int can hold: Go routes n ≤ 2^31−1 to {@code Int31n}.
     *
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public int intn(int n) {
        return int31n(n);
    }

    /** Go {@code Float64}: Int63 / 2^63 in [0, 1), redrawing the rare result that rounds to 1. */
    public double float64() {
        while (true) {
            double f = int63() / TWO_POW_63;
            if (f != 1.0) {
                return f;
            }
        }
    }

    /** Go {@code NormFloat64}: standard normal deviate by the 128-layer ziggurat. */
    public double normFloat64() {
        while (true) {
            int j = (int) uint32();
            int i = j & 0x7F;
            double x = j * (double) WN[i];
            long absJ = j < 0 ? -(long) j : j;
            if (absJ < KN[i]) {
                return x;
            }
            if (i == 0) {
                return normTail(j);
            }
            float u = (float) float64();
            if (FN[i] + u * (FN[i - 1] - FN[i]) < (float) StrictMath.exp(-.5 * x * x)) {
                return x;
            }
        }
    }

    /** Marsaglia's tail sampler beyond NORM_R; the sign comes from the layer draw j. */
    private double normTail(int j) {
        double x;
        while (true) {
            x = -GoMath.log(float64()) * NORM_R_INV;
            double y = -GoMath.log(float64());
            if (y + y >= x * x) {
                break;
            }
        }
        return j > 0 ? NORM_R + x : -NORM_R - x;
    }

    /** Go {@code ExpFloat64}: exponential deviate with rate 1 by the 256-layer ziggurat. */
    public double expFloat64() {
        while (true) {
            long j = uint32();
            int i = (int) (j & 0xFF);
            double x = j * (double) WE[i];
            if (j < KE[i]) {
                return x;
            }
            if (i == 0) {
                return EXP_R - GoMath.log(float64());
            }
            float u = (float) float64();
            if (FE[i] + u * (FE[i - 1] - FE[i]) < (float) StrictMath.exp(-x)) {
                return x;
            }
        }
    }
}
