package io.blisnative.metrics;

import java.util.Map;

/**
 * Comparison restricted to one load stage of an experiment (benchmarks such as inference-perf
 * run several stages at increasing request rates).
 *
 * @param index   0-based stage number
 * @param rateRps offered request rate of the stage in requests per second (finite, ≥ 0)
 * @param counts  request outcomes within the stage
 * @param metrics errors per metric; any subset of {@link MetricKind}, iterated in enum order
 */
public record StageReport(int index, double rateRps, RequestCounts counts, Map<MetricKind, MetricError> metrics) {

    public StageReport {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (!Double.isFinite(rateRps) || rateRps < 0) {
            throw new IllegalArgumentException("rateRps must be finite and >= 0, got " + rateRps);
        }
        if (counts == null) {
            throw new IllegalArgumentException("counts must be non-null");
        }
        metrics = Metrics.immutableCopy("metrics", metrics);
    }
}
