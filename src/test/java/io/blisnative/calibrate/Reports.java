package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.LatencySummary;
import io.blisnative.metrics.MetricError;
import io.blisnative.metrics.MetricKind;
import io.blisnative.metrics.RequestCounts;
import io.blisnative.metrics.StageReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hand-made experiment reports with chosen simulated/measured ratios. */
final class Reports {
    private Reports() {
    }

    static Map<MetricKind, MetricError> metrics(double e2eRatio, double ttftRatio, double tpotRatio) {
        Map<MetricKind, MetricError> m = new EnumMap<>(MetricKind.class);
        m.put(MetricKind.E2E, pair(4000, e2eRatio));
        m.put(MetricKind.TTFT, pair(50, ttftRatio));
        m.put(MetricKind.TPOT, pair(16, tpotRatio));
        return m;
    }

    static ExperimentReport report(String name, double e2eRatio, double ttftRatio, double tpotRatio) {
        return new ExperimentReport(name, "general", "", new RequestCounts(10, 10, 0, 0, 0),
                metrics(e2eRatio, ttftRatio, tpotRatio), List.of(), List.of());
    }

    static ExperimentReport withStages(String name, Map<MetricKind, MetricError> overall,
            List<Map<MetricKind, MetricError>> stages) {
        List<StageReport> s = new java.util.ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            s.add(new StageReport(i, 1 + i, new RequestCounts(5, 5, 0, 0, 0), stages.get(i)));
        }
        return new ExperimentReport(name, "general", "", new RequestCounts(10, 10, 0, 0, 0), overall, s, List.of());
    }

    private static MetricError pair(double measuredMs, double ratio) {
        return MetricError.of(new LatencySummary(10, measuredMs, Double.NaN, Double.NaN, Double.NaN),
                new LatencySummary(10, measuredMs * ratio, Double.NaN, Double.NaN, Double.NaN));
    }
}
