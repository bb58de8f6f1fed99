package io.blisnative.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small fixed reports shared by the report tests; every figure is chosen to give round errors. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static LatencySummary s(double mean, double p50, double p90, double p99) {
        return new LatencySummary(100, mean, p50, p90, p99);
    }

    /** E2E +10 %, TTFT −20 %, TPOT +5 % (means); no stages, no request pairs. */
    static ExperimentReport experiment(String name, String workload, double e2ePct, double ttftPct, double tpotPct) {
        Map<MetricKind, MetricError> m = new EnumMap<>(MetricKind.class);
        m.put(MetricKind.E2E, MetricError.of(s(1000, 900, 1500, 2000), s(1000 * (1 + e2ePct / 100), 950, 1500, 2100)));
        m.put(MetricKind.TTFT, MetricError.of(s(50, 40, 90, 120), s(50 * (1 + ttftPct / 100), 40, 80, 150)));
        m.put(MetricKind.TPOT, MetricError.of(s(10, 10, 12, Double.NaN), s(10 * (1 + tpotPct / 100), 10.5, 12, 14)));
        return new ExperimentReport(name, workload, "traces/" + name + ".csv", new RequestCounts(100, 98, 1, 1, 3), m,
                List.of(), List.of(ExperimentReport.TPOT_NOTE));
    }

    /** One experiment with two stages, an ITL metric and per-request pairs on E2E. */
    static ExperimentReport richExperiment() {
        Map<MetricKind, MetricError> m = new EnumMap<>(MetricKind.class);
        m.put(MetricKind.E2E, MetricError.withPairs(s(2000, 1800, 3000, 4000), s(2200, 1800, 2700, 5000),
                new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}));
        m.put(MetricKind.TTFT, MetricError.of(s(100, 80, 150, 200), s(80, 80, 150, 250)));
        m.put(MetricKind.TPOT, MetricError.of(s(20, 20, 25, 30), s(21, 20, 25, 30)));
        m.put(MetricKind.ITL, MetricError.of(s(10, 9, Double.NaN, Double.NaN), s(10.5, 9, 12, 15)));
        Map<MetricKind, MetricError> stage0 = new EnumMap<>(MetricKind.class);
        stage0.put(MetricKind.E2E, MetricError.of(s(1000, 1000, 1000, 1000), s(1100, 1000, 1000, 1000)));
        stage0.put(MetricKind.TTFT, MetricError.of(s(50, 50, 50, 50), s(45, 50, 50, 50)));
        Map<MetricKind, MetricError> stage1 = new EnumMap<>(MetricKind.class);
        stage1.put(MetricKind.E2E, MetricError.of(s(3000, 3000, 3000, 3000), s(3300, 3000, 3000, 3000)));
        List<StageReport> stages = List.of(
                new StageReport(0, 5, new RequestCounts(300, 300, 0, 0, 0), stage0),
                new StageReport(1, 10.5, new RequestCounts(600, 590, 4, 6, 12), stage1));
        return new ExperimentReport("llama-7b-general", "general", "data/llama.csv",
                new RequestCounts(900, 890, 4, 6, 12), m, stages, List.of(ExperimentReport.TPOT_NOTE));
    }

    /** Three experiments over two workloads. */
    static ReportSet threeExperiments() {
        return ReportSet.of(experiment("exp-a", "general", 10, -20, 5),
                experiment("exp-b", "codegen", -4, 30, -1),
                experiment("exp-c", "general", 6, -10, 3));
    }
}
