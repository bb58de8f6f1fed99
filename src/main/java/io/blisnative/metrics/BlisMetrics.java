package io.blisnative.metrics;

import io.blisnative.sim.SimResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run summarised under BLIS's metric names and arithmetic (its MetricsOutput): latencies in ms,
 * means over float sums of µs values, percentiles by linear interpolation at rank p/100·(n−1).
 * TTFT covers every recorded first token (also of requests that later timed out or were still
 * inside), E2E the completed requests, ITL every inter-token gap of completed requests.
 */
public record BlisMetrics(
        int completedRequests,
        int stillQueued,
        int stillRunning,
        int injectedRequests,
        long totalInputTokens,
        long totalOutputTokens,
        double vllmEstimatedDurationS,
        double responsesPerSec,
        double tokensPerSec,
        double e2eMeanMs, double e2eP90Ms, double e2eP95Ms, double e2eP99Ms,
        double ttftMeanMs, double ttftP90Ms, double ttftP95Ms, double ttftP99Ms,
        double itlMeanMs, double itlP90Ms, double itlP95Ms, double itlP99Ms,
        double schedulingDelayP99Ms,
        long kvAllocationFailures,
        long preemptionCount,
        int droppedUnservable,
        int lengthCappedRequests,
        int timedOutRequests,
        long ttftSumUs,
        double cacheHitRate) {

    /** Summarises {@code r} exactly as BLIS would print it. */
    public static BlisMetrics of(SimResult r) {
        double runtimeS = r.simEndedUs() / 1e6;
        double[] e2e = new double[10];
        double[] ttft = new double[10];
        double[] itl = new double[10];
        double sched99 = 0;
        double rps = 0;
        double tps = 0;
        if (r.completed() > 0) {
            summarize(sorted(r.completedE2eUs()), e2e);
            summarize(sorted(r.allTtftUs()), ttft);
            long[] values = r.itlValuesUs();
            long[] counts = r.itlCounts();
            long n = r.itlTotal();
            if (n > 0) {
                long sum = 0;
                for (int i = 0; i < values.length; i++) {
                    sum += values[i] * counts[i];
                }
                itl[0] = ((double) sum / n) / 1000;
                itl[1] = weightedPercentile(values, counts, n, 90);
                itl[2] = weightedPercentile(values, counts, n, 95);
                itl[3] = weightedPercentile(values, counts, n, 99);
            }
            sched99 = Percentiles.percentileMs(sorted(r.schedulingDelayUs()), 99);
            if (runtimeS > 0) {
                rps = r.completed() / runtimeS;
                tps = r.totalOutputTokens() / runtimeS;
            }
        }
        return new BlisMetrics(r.completed(), r.stillQueued(), r.stillRunning(), r.injected(),
                r.totalInputTokens(), r.totalOutputTokens(), runtimeS, rps, tps,
                e2e[0], e2e[1], e2e[2], e2e[3], ttft[0], ttft[1], ttft[2], ttft[3],
                itl[0], itl[1], itl[2], itl[3], sched99, r.kvAllocationFailures(), r.preemptions(),
                r.droppedUnservable(), r.lengthCapped(), r.timedOut(), r.ttftSumUs(), r.cacheHitRate());
    }

    /** BLIS's JSON keys in its order, for {@code run --format json}. */
    public Map<String, Object> asBlisJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_id", "cluster");
        m.put("completed_requests", completedRequests);
        m.put("still_queued", stillQueued);
        m.put("still_running", stillRunning);
        m.put("injected_requests", injectedRequests);
        m.put("total_input_tokens", totalInputTokens);
        m.put("total_output_tokens", totalOutputTokens);
        m.put("vllm_estimated_duration_s", vllmEstimatedDurationS);
        m.put("responses_per_sec", responsesPerSec);
        m.put("tokens_per_sec", tokensPerSec);
        m.put("e2e_mean_ms", e2eMeanMs);
        m.put("e2e_p90_ms", e2eP90Ms);
        m.put("e2e_p95_ms", e2eP95Ms);
        m.put("e2e_p99_ms", e2eP99Ms);
        m.put("ttft_mean_ms", ttftMeanMs);
        m.put("ttft_p90_ms", ttftP90Ms);
        m.put("ttft_p95_ms", ttftP95Ms);
        m.put("ttft_p99_ms", ttftP99Ms);
        m.put("itl_mean_ms", itlMeanMs);
        m.put("itl_p90_ms", itlP90Ms);
        m.put("itl_p95_ms", itlP95Ms);
        m.put("itl_p99_ms", itlP99Ms);
        m.put("scheduling_delay_p99_ms", schedulingDelayP99Ms);
        m.put("kv_allocation_failures", kvAllocationFailures);
        m.put("preemption_count", preemptionCount);
        m.put("cache_hit_rate", cacheHitRate);
        m.put("dropped_unservable", droppedUnservable);
        m.put("length_capped_requests", lengthCappedRequests);
        m.put("timed_out_requests", timedOutRequests);
        m.put("ttft_sum_us", ttftSumUs);
        return m;
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        RadixSort.sortNonNegative(copy);
        return copy;
    }

    private static void summarize(long[] sortedUs, double[] out) {
        if (sortedUs.length == 0) {
            return;
        }
        out[0] = Percentiles.meanMs(sortedUs);
        out[1] = Percentiles.percentileMs(sortedUs, 90);
        out[2] = Percentiles.percentileMs(sortedUs, 95);
        out[3] = Percentiles.percentileMs(sortedUs, 99);
    }

    private static double weightedPercentile(long[] values, long[] counts, long n, double p) {
        double rank = p / 100.0 * (n - 1);
        long lower = (long) Math.floor(rank);
        long upper = (long) Math.ceil(rank);
        long lowerValue = valueAt(values, counts, lower);
        if (lower == upper) {
            return lowerValue / 1000.0;
        }
        long upperValue = valueAt(values, counts, upper);
        return lowerValue / 1000.0 + (double) (upperValue - lowerValue) * (rank - lower) / 1000;
    }

    private static long valueAt(long[] values, long[] counts, long index) {
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (index < seen) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond " + seen + " values");
    }
}
