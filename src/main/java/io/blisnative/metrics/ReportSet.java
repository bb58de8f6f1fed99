package io.blisnative.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Several experiments reported together, with their per-workload and overall error summaries.
 *
 * @param experiments experiments in report order; names must be unique
 */
public record ReportSet(List<ExperimentReport> experiments) {

    public ReportSet {
        if (experiments == null) {
            throw new IllegalArgumentException("experiments must be non-null");
        }
        experiments = List.copyOf(experiments);
        Set<String> names = new HashSet<>();
        for (ExperimentReport e : experiments) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("experiments must have unique names, '" + e.name() + "' repeats");
            }
        }
    }

    /** A set of the given experiments, in order. */
    public static ReportSet of(ExperimentReport... experiments) {
        return new ReportSet(List.of(experiments));
    }

    /** Number of experiments. */
    public int size() {
        return experiments.size();
    }

    /** The experiment with this name, or null. */
    public ExperimentReport find(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /** Metrics measured by at least one experiment, in {@link MetricKind} order. */
    public List<MetricKind> metricKinds() {
        List<MetricKind> kinds = new ArrayList<>();
        for (MetricKind k : MetricKind.values()) {
            if (experiments.stream().anyMatch(e -> e.metric(k) != null)) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** Signed percent errors of {@code kind}, one per experiment in order (NaN where absent). */
    public double[] signedErrorsPct(MetricKind kind) {
        return experiments.stream().mapToDouble(e -> e.errorPct(kind)).toArray();
    }

    /** Error summary across all experiments for each metric of {@link #metricKinds()}. */
    public Map<MetricKind, OverallError> overall() {
        EnumMap<MetricKind, OverallError> out = new EnumMap<>(MetricKind.class);
        for (MetricKind k : metricKinds()) {
            out.put(k, OverallError.of(signedErrorsPct(k)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The experiments split by workload type, workloads sorted by name, experiments in report order. */
    public SortedMap<String, ReportSet> byWorkload() {
        TreeMap<String, List<ExperimentReport>> groups = new TreeMap<>();
        for (ExperimentReport e : experiments) {
            groups.computeIfAbsent(e.workload(), w -> new ArrayList<>()).add(e);
        }
        TreeMap<String, ReportSet> out = new TreeMap<>();
        groups.forEach((w, list) -> out.put(w, new ReportSet(list)));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * Reads JSON reports written by {@link ReportJsonWriter} (for example one per shard of a sweep)
     * and joins their experiments in file order. Derived fields (errors, overall) are recomputed.
     *
     * @throws IOException              if a file cannot be read or is not JSON
     * @throws IllegalArgumentException if a document does not have the report shape, or an
     *                                  experiment name appears twice
     */
    public static ReportSet merge(List<Path> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        for (Path p : files) {
            docs.add(mapper.readTree(p.toFile()));
        }
        return mergeJson(docs);
    }

    /** As {@link #merge(List)} for documents already parsed. */
    public static ReportSet mergeJson(List<JsonNode> documents) {
        List<ExperimentReport> all = new ArrayList<>();
        for (JsonNode doc : documents) {
            all.addAll(ReportJsonReader.read(doc).experiments());
        }
        return new ReportSet(all);
    }
}
