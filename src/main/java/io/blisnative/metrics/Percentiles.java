package io.blisnative.metrics;

/**
 * Mean and numpy-"linear" percentiles, computed with the same floating-point operations as
 * BLIS so that figures agree with BLIS's output bit for bit (BLIS results are compared at
 * relative 1e-9, and the order of operations decides the last bits).
 *
 * <p>Two families:
 * <ul>
 *   <li>{@code ...Ms} — BLIS's aggregate metrics form: input in µs, output in ms. The rank is
 *       {@code p/100·(n−1)}; the result is {@code lo/1000 + (hi−lo)·frac/1000}, i.e. the division by
 *       1000 happens per term, after converting to double. The mean sums the values as doubles in
 *       array order and divides by n, then by 1000.</li>
 *   <li>{@link #percentile(double[], double)} / {@link #mean(double[])} — BLIS's calibration form:
 *       unit-preserving, {@code lo + frac·(hi−lo)}.</li>
 * </ul>
 * Percentile inputs must be sorted ascending (not checked here: callers sort once and query
 * several p-values). An empty input gives 0, as in BLIS.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The p-th percentile of ascending µs values, in ms.
     *
     * @param sortedUs values in µs, ascending
     * @param p        percentile in [0, 100]
     * @return the interpolated value in ms; 0 when {@code sortedUs} is empty
     * @throws IllegalArgumentException if p is outside [0, 100] or NaN
     */
    public static double percentileMs(long[] sortedUs, double p) {
        int n = sortedUs.length;
        if (n == 0) {
            checkP(p);
            return 0;
        }
        double rank = rank(p, n);
        int lowerIdx = (int) Math.floor(rank);
        int upperIdx = (int) Math.ceil(rank);
        if (lowerIdx == upperIdx) {
            return (double) sortedUs[lowerIdx] / 1000;
        }
        long lowerVal = sortedUs[lowerIdx];
        long upperVal = sortedUs[upperIdx];
        // the difference is taken in integers before the conversion, as BLIS does for int64 input
        return (double) lowerVal / 1000 + (double) (upperVal - lowerVal) * (rank - lowerIdx) / 1000;
    }

    /**
     * The p-th percentile of ascending µs values held as doubles (BLIS keeps TTFT and E2E as
     * float64 µs), in ms.
     *
     * @param sortedUs values in µs, ascending
     * @param p        percentile in [0, 100]
     * @return the interpolated value in ms; 0 when {@code sortedUs} is empty
     * @throws IllegalArgumentException if p is outside [0, 100] or NaN
     */
    public static double percentileMs(double[] sortedUs, double p) {
        int n = sortedUs.length;
        if (n == 0) {
            checkP(p);
            return 0;
        }
        double rank = rank(p, n);
        int lowerIdx = (int) Math.floor(rank);
        int upperIdx = (int) Math.ceil(rank);
        if (lowerIdx == upperIdx) {
            return sortedUs[lowerIdx] / 1000;
        }
        double lowerVal = sortedUs[lowerIdx];
        double upperVal = sortedUs[upperIdx];
        return lowerVal / 1000 + (upperVal - lowerVal) * (rank - lowerIdx) / 1000;
    }

    /**
     * Mean of µs values, in ms: {@code (Σ double(x) / n) / 1000}, summed in array order.
     *
     * @param us values in µs, any order (the order only affects the last bits, as in BLIS)
     * @return the mean in ms; 0 when empty
     */
    public static double meanMs(long[] us) {
        if (us.length == 0) {
            return 0.0;
        }
        double sum = 0.0;
        for (long v : us) {
            sum += (double) v;
        }
        return (sum / us.length) / 1000;
    }

    /**
     * Mean of µs values held as doubles, in ms: {@code (Σx / n) / 1000}, summed in array order.
     *
     * @param us values in µs
     * @return the mean in ms; 0 when empty
     */
    public static double meanMs(double[] us) {
        if (us.length == 0) {
            return 0.0;
        }
        double sum = 0.0;
        for (double v : us) {
            sum += v;
        }
        return (sum / us.length) / 1000;
    }

    /**
     * The p-th percentile in the values' own unit (BLIS calibration form {@code lo + frac·(hi−lo)}).
     *
     * @param sorted values, ascending
     * @param p      percentile in [0, 100]
     * @return the interpolated value; 0 when empty
     * @throws IllegalArgumentException if p is outside [0, 100] or NaN
     */
    public static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            checkP(p);
            return 0;
        }
        double rank = rank(p, n);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        if (lower == upper) {
            return sorted[lower];
        }
        double frac = rank - lower;
        return sorted[lower] + frac * (sorted[upper] - sorted[lower]);
    }

    /**
     * Plain arithmetic mean {@code Σx / n} in the values' own unit, summed in array order.
     *
     * @return the mean; 0 when empty
     */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return 0.0;
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double rank(double p, int n) {
        checkP(p);
        return p / 100.0 * (n - 1);
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in [0, 100], got " + p);
        }
    }
}
