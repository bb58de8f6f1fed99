package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.requireOptionalNonNegative;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Summary of one latency metric in milliseconds. A field is null when the source did not report it.
 *
 * @param meanMs mean, ms
 * @param p50Ms  median, ms
 * @param p90Ms  90th percentile, ms
 * @param p99Ms  99th percentile, ms
 */
@JsonPropertyOrder({"mean_ms", "p50_ms", "p90_ms", "p99_ms"})
public record LatencyStats(Double meanMs, Double p50Ms, Double p90Ms, Double p99Ms) {

    public LatencyStats {
        requireOptionalNonNegative(meanMs, "mean_ms");
        requireOptionalNonNegative(p50Ms, "p50_ms");
        requireOptionalNonNegative(p90Ms, "p90_ms");
        requireOptionalNonNegative(p99Ms, "p99_ms");
    }
}
