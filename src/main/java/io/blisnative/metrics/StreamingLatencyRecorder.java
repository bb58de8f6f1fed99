package io.blisnative.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Constant-memory alternative to {@link LatencySummary#ofUs(long[])} for runs too large to keep
 * every per-request value. Values are µs, recorded into an auto-resizing HdrHistogram with 3
 * significant digits.
 *
 * <p>Error bound. Below 2048 µs every value is kept exactly. Above, a value x shares a bucket of
 * width at most x/1024 and is reported as that bucket's midpoint, so each order statistic is off by
 * at most x/2048. Percentiles use the same numpy-"linear" interpolation between the two order
 * statistics around rank {@code p/100·(n−1)} as the exact path, so a reported percentile differs
 * from the exact one by at most 1/2048 (≈ 0.049 %) of its value. The mean comes from an exact
 * integer sum and differs from the exact path only by floating-point rounding of the sum (the
 * exact path adds doubles one by one, as BLIS does).
 *
 * <p>{@link #record(long)} allocates nothing once the histogram covers the value range. The exact
 * sorted path remains the default; use this one only where memory forces it. Not thread-safe.
 */
public final class StreamingLatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long sumUs;

    /**
     * Adds one value.
     *
     * @param valueUs latency in µs, ≥ 0
     * @throws IllegalArgumentException if the value is negative
     * @throws ArithmeticException      if the running sum overflows a long
     */
    public void record(long valueUs) {
        if (valueUs < 0) {
            throw new IllegalArgumentException("valueUs must be >= 0, got " + valueUs);
        }
        histogram.recordValue(valueUs);
        sumUs = Math.addExact(sumUs, valueUs);
    }

    /** Adds every value recorded by {@code other} (other is unchanged). */
    public void add(StreamingLatencyRecorder other) {
        histogram.add(other.histogram);
        sumUs = Math.addExact(sumUs, other.sumUs);
    }

    /** Number of values recorded so far. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Summary in ms of what was recorded; all zeros when nothing was. */
    public LatencySummary summary() {
        long n = count();
        if (n == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        double meanMs = ((double) sumUs / n) / 1000;
        return new LatencySummary(n, meanMs, percentileMs(50), percentileMs(90), percentileMs(99));
    }

    /**
     * Approximate p-th percentile in ms (see the class comment for the bound); 0 when empty.
     *
     * @param p percentile in [0, 100]
     * @throws IllegalArgumentException if p is outside [0, 100] or NaN
     */
    public double percentileMs(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in [0, 100], got " + p);
        }
        long n = count();
        if (n == 0) {
            return 0;
        }
        double rank = p / 100.0 * (n - 1);
        long lowerIdx = (long) Math.floor(rank);
        long upperIdx = (long) Math.ceil(rank);
        long lowerVal = valueAtIndex(lowerIdx);
        if (lowerIdx == upperIdx) {
            return (double) lowerVal / 1000;
        }
        long upperVal = valueAtIndex(upperIdx);
        return (double) lowerVal / 1000 + (double) (upperVal - lowerVal) * (rank - lowerIdx) / 1000;
    }

    /** The 0-based index-th smallest recorded value, as the midpoint of its bucket. */
    private long valueAtIndex(long index) {
        long seen = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            seen += v.getCountAddedInThisIterationStep();
            if (seen > index) {
                return histogram.medianEquivalentValue(v.getValueIteratedTo());
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + seen + " recorded values");
    }
}
