package io.blisnative.metrics;

import java.util.List;
import java.util.Map;

/**
 * Measured-versus-simulated comparison of one experiment (one measured run replayed once).
 *
 * @param name     unique experiment name, non-empty
 * @param workload workload type used to group experiments (e.g. {@code general}, {@code codegen}), non-empty
 * @param trace    path of the replayed trace as given by the user; "" when not applicable
 * @param counts   request outcomes of the simulated run
 * @param metrics  errors per metric; must hold E2E, TTFT and TPOT, ITL is optional. Iterated in enum order
 * @param stages   per-load-stage comparisons in stage order, possibly empty
 * @param notes    footnotes printed under the tables (e.g. {@link #TPOT_NOTE}), possibly empty
 */
public record ExperimentReport(String name, String workload, String trace, RequestCounts counts,
                               Map<MetricKind, MetricError> metrics, List<StageReport> stages,
                               List<String> notes) {

    /** The TPOT definition both sides use; renderers print it as a footnote when a report carries it. */
    public static final String TPOT_NOTE =
            "TPOT = (E2E - TTFT) / (output tokens - 1) per request, averaged over requests.";

    public ExperimentReport {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-empty");
        }
        if (workload == null || workload.isBlank()) {
            throw new IllegalArgumentException("workload must be non-empty");
        }
        trace = trace == null ? "" : trace;
        if (counts == null) {
            throw new IllegalArgumentException("counts must be non-null");
        }
        metrics = Metrics.immutableCopy("metrics", metrics);
        for (MetricKind required : List.of(MetricKind.E2E, MetricKind.TTFT, MetricKind.TPOT)) {
            if (!metrics.containsKey(required)) {
                throw new IllegalArgumentException("metrics must contain " + required.key());
            }
        }
        stages = stages == null ? List.of() : List.copyOf(stages);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The error for {@code kind}, or null when the experiment does not measure it. */
    public MetricError metric(MetricKind kind) {
        return metrics.get(kind);
    }

    /** Signed percent error of the means for {@code kind}, NaN when absent or undefined. */
    public double errorPct(MetricKind kind) {
        MetricError e = metrics.get(kind);
        return e == null ? Double.NaN : e.errorPct();
    }

    /** True when at least one metric carries per-request agreement figures. */
    public boolean hasRequestLevel() {
        return metrics.values().stream().anyMatch(m -> m.requestLevel() != null);
    }
}
