package io.blisnative.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON report written by {@link ReportJsonWriter} back into records. Only the inputs are
 * read (names, counts, measured and simulated aggregates, per-request figures, notes); every
 * derived field (errors, overall, workloads) is recomputed, so a document edited by hand cannot
 * carry inconsistent errors. Unknown keys are ignored, so later additive keys stay readable.
 */
public final class ReportJsonReader {

    private ReportJsonReader() {
    }

    /**
     * The experiments of one report document.
     *
     * @throws IllegalArgumentException naming the JSON path of the first missing or malformed field
     */
    public static ReportSet read(JsonNode root) {
        JsonNode experiments = required(root, "experiments", "");
        if (!experiments.isArray()) {
            throw new IllegalArgumentException("'experiments' must be an array");
        }
        List<ExperimentReport> out = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            out.add(readExperiment(experiments.get(i), "experiments[" + i + "]"));
        }
        return new ReportSet(out);
    }

    private static ExperimentReport readExperiment(JsonNode node, String path) {
        Map<MetricKind, MetricError> metrics = readMetrics(node, path);
        attachRequestLevel(node, path, metrics);
        List<StageReport> stages = new ArrayList<>();
        JsonNode stageNodes = node.path("stages");
        for (int i = 0; i < stageNodes.size(); i++) {
            JsonNode s = stageNodes.get(i);
            String sp = path + ".stages[" + i + "]";
            stages.add(new StageReport(required(s, "index", sp).asInt(), required(s, "rate", sp).asDouble(),
                    readCounts(s, sp), readMetrics(s, sp)));
        }
        List<String> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(n.asText()));
        try {
            return new ExperimentReport(required(node, "name", path).asText(), required(node, "workload", path).asText(),
                    node.path("trace").asText(""), readCounts(node, path), metrics, stages, notes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static RequestCounts readCounts(JsonNode node, String path) {
        JsonNode c = required(node, "counts", path);
        String cp = path + ".counts";
        return new RequestCounts(required(c, "requests", cp).asLong(), required(c, "completed", cp).asLong(),
                required(c, "timed_out", cp).asLong(), required(c, "dropped", cp).asLong(),
                required(c, "preempted", cp).asLong());
    }

    private static Map<MetricKind, MetricError> readMetrics(JsonNode node, String path) {
        JsonNode metrics = required(node, "metrics", path);
        Map<MetricKind, MetricError> out = new EnumMap<>(MetricKind.class);
        for (Map.Entry<String, JsonNode> e : metrics.properties()) {
            String mp = path + ".metrics." + e.getKey();
            MetricKind kind = metricKind(e.getKey(), mp);
            out.put(kind, MetricError.of(summary(e.getValue(), "measured", mp), summary(e.getValue(), "simulated", mp)));
        }
        return out;
    }

    private static LatencySummary summary(JsonNode m, String side, String path) {
        try {
            return new LatencySummary(m.path(side + "_count").asLong(0),
                    required(m, side + "_mean_ms", path).asDouble(),
                    optionalDouble(m, side + "_p50_ms"),
                    optionalDouble(m, side + "_p90_ms"),
                    optionalDouble(m, side + "_p99_ms"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " (" + side + "): " + e.getMessage(), e);
        }
    }

    private static void attachRequestLevel(JsonNode node, String path, Map<MetricKind, MetricError> metrics) {
        JsonNode mape = node.path("request_mape_pct");
        for (Map.Entry<String, JsonNode> entry : mape.properties()) {
            String key = entry.getKey();
            MetricKind kind = metricKind(key, path + ".request_mape_pct." + key);
            MetricError m = metrics.get(kind);
            if (m == null) {
                throw new IllegalArgumentException(path + ".request_mape_pct." + key + ": no such metric in 'metrics'");
            }
            RequestAgreement a = new RequestAgreement(node.path("request_pairs").path(key).asLong(0),
                    optionalDouble(mape, key), optionalDouble(node.path("request_pearson_r"), key));
            metrics.put(kind, new MetricError(m.measured(), m.simulated(), a));
        }
    }

    private static MetricKind metricKind(String key, String path) {
        try {
            return MetricKind.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static double optionalDouble(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ") + "missing '" + field + "'");
        }
        return v;
    }
}
