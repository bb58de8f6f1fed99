package io.blisnative.metrics;

import java.util.Arrays;

/**
 * Aggregate of one latency metric over a set of requests, in milliseconds.
 *
 * <p>Simulated summaries are built from every per-request value ({@link #ofUs(long[])}), or from a
 * {@link StreamingLatencyRecorder} when a run is too large to keep them. Measured summaries come
 * from the benchmark's own aggregates, which may lack some percentiles: a missing p-value is
 * {@code NaN}, never 0.
 *
 * @param count  number of values summarised (≥ 0)
 * @param meanMs arithmetic mean in ms (finite, ≥ 0)
 * @param p50Ms  median in ms, or NaN when unknown
 * @param p90Ms  90th percentile in ms, or NaN when unknown
 * @param p99Ms  99th percentile in ms, or NaN when unknown
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms) {

    public LatencySummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (!Double.isFinite(meanMs) || meanMs < 0) {
            throw new IllegalArgumentException("meanMs must be finite and >= 0, got " + meanMs);
        }
        checkPercentile("p50Ms", p50Ms);
        checkPercentile("p90Ms", p90Ms);
        checkPercentile("p99Ms", p99Ms);
    }

    /**
     * Summary of per-request values in µs, sorted on a copy (the argument is left untouched).
     * Mean and percentiles follow {@link Percentiles#meanMs(long[])} and
     * {@link Percentiles#percentileMs(long[], double)}; an empty array gives all zeros, as BLIS does.
     *
     * @param us per-request values in µs, each ≥ 0
     * @throws IllegalArgumentException if a value is negative
     */
    public static LatencySummary ofUs(long[] us) {
        long[] sorted = Arrays.copyOf(us, us.length);
        RadixSort.sortNonNegative(sorted);
        return ofSortedUs(sorted);
    }

    /**
     * Summary of per-request values in µs that are already ascending (no copy is made).
     *
     * @param sortedUs per-request values in µs, ascending, each ≥ 0
     * @throws IllegalArgumentException if the values are not ascending or one is negative
     */
    public static LatencySummary ofSortedUs(long[] sortedUs) {
        for (int i = 0; i < sortedUs.length; i++) {
            if (sortedUs[i] < 0) {
                throw new IllegalArgumentException("sortedUs[" + i + "] must be >= 0, got " + sortedUs[i]);
            }
            if (i > 0 && sortedUs[i] < sortedUs[i - 1]) {
                throw new IllegalArgumentException("sortedUs must be ascending, index " + i + " breaks the order");
            }
        }
        return new LatencySummary(sortedUs.length,
                Percentiles.meanMs(sortedUs),
                Percentiles.percentileMs(sortedUs, 50),
                Percentiles.percentileMs(sortedUs, 90),
                Percentiles.percentileMs(sortedUs, 99));
    }

    /**
     * Summary from aggregates given in seconds, as benchmark clients such as inference-perf report
     * them; each figure is multiplied by 1000. Pass NaN for a percentile the source lacks.
     */
    public static LatencySummary ofSeconds(long count, double meanS, double p50S, double p90S, double p99S) {
        return new LatencySummary(count, meanS * 1000, p50S * 1000, p90S * 1000, p99S * 1000);
    }

    /** The percentile in ms for {@code which} ∈ {50, 90, 99}. */
    public double percentileMs(int which) {
        switch (which) {
            case 50:
                return p50Ms;
            case 90:
                return p90Ms;
            case 99:
                return p99Ms;
            default:
                throw new IllegalArgumentException("which must be 50, 90 or 99, got " + which);
        }
    }

    private static void checkPercentile(String name, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be NaN (unknown) or finite and >= 0, got " + value);
        }
    }
}
