package io.blisnative.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The foreign formats {@code convert} understands, and how to tell them apart. */
public enum SourceKind {
    /** inference-perf experiment folder: exp-config.yaml + profile.yaml + results/*lifecycle_metrics.json. */
    INFERENCE_PERF("inference-perf"),
    /** BLIS TraceV2: header YAML + data CSV. */
    TRACEV2("tracev2"),
    /** vLLM {@code bench serve --save-result} JSON. */
    VLLM_BENCH("vllm-bench");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    /** Name used on the command line and in provenance. */
    public String id() {
        return id;
    }

    /** Parses a command-line name ({@code inference-perf}, {@code tracev2}, {@code vllm-bench}). */
    public static SourceKind fromId(String id) {
        for (SourceKind k : values()) {
            if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown source kind '" + id
                + "' (expected inference-perf, tracev2 or vllm-bench)");
    }

    /**
     * Guesses the kind from what the path is: a folder with exp-config.yaml or profile.yaml is an
     * inference-perf experiment; a folder with a trace header YAML and CSV, a .csv, or a YAML with
     * {@code trace_version} is TraceV2; a .json file is a vLLM benchmark result.
     *
     * @throws TraceFormatException when the path is missing or matches no kind
     */
    public static SourceKind detect(Path source) {
        String name = source.toString();
        if (Files.isDirectory(source)) {
            if (Files.exists(source.resolve("exp-config.yaml")) || Files.exists(source.resolve("profile.yaml"))) {
                return INFERENCE_PERF;
            }
            if (Files.exists(source.resolve("trace_header.yaml")) || hasCsv(source)) {
                return TRACEV2;
            }
            throw new TraceFormatException(name, 0, null, "folder is neither an inference-perf experiment"
                    + " (exp-config.yaml, profile.yaml) nor a TraceV2 trace (trace_header.yaml, trace_data.csv)");
        }
        if (!Files.exists(source)) {
            throw new TraceFormatException(name, 0, null, "no such file or folder");
        }
        String lower = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return TRACEV2;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return isTraceV2Header(source) ? TRACEV2 : INFERENCE_PERF;
        }
        if (lower.endsWith(".json")) {
            return VLLM_BENCH;
        }
        throw new TraceFormatException(name, 0, null,
                "cannot tell the source kind from the file name; use --from inference-perf|tracev2|vllm-bench");
    }

    private static boolean hasCsv(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTraceV2Header(Path yaml) {
        try (Stream<String> lines = Files.lines(yaml)) {
            return lines.anyMatch(l -> l.startsWith("trace_version:"));
        } catch (IOException e) {
            throw new TraceFormatException(yaml.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
