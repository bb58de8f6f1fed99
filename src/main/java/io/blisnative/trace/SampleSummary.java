package io.blisnative.trace;

import java.util.Arrays;

/**
 * Mean and percentiles of a sample, percentiles by linear interpolation between closest ranks
 * (numpy's default, which inference-perf and vLLM's benchmark use): rank = p/100 · (n − 1).
 */
final class SampleSummary {

    private SampleSummary() {
    }

    /** Mean, or NaN for an empty sample. */
    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * Percentile of an ascending-sorted sample.
     *
     * @param sorted  values in ascending order, non-empty
     * @param percent in [0, 100]
     */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of an empty sample");
        }
        double rank = percent / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = rank - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }

    /** Mean, p50, p90 and p99 of values given in ms; null for an empty sample. */
    static LatencyStats latency(double[] valuesMs) {
        if (valuesMs.length == 0) {
            return null;
        }
        double[] sorted = valuesMs.clone();
        Arrays.sort(sorted);
        return new LatencyStats(mean(sorted), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99));
    }
}
