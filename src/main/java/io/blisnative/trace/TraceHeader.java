package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.require;
import static io.blisnative.trace.InvalidFieldException.requireAtLeast;
import static io.blisnative.trace.InvalidFieldException.requireNonNull;
import static io.blisnative.trace.InvalidFieldException.requireText;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * First line of a canonical trace: everything needed to simulate the experiment and to compare
 * with what was measured. See docs/trace-format.md.
 *
 * @param format         always {@value #FORMAT}
 * @param version        format version, {@value #VERSION}
 * @param name           experiment name shown in tables
 * @param workload       workload type (general, codegen, roleplay, reasoning, …) for per-workload tables
 * @param model          model: a bundled config name or a HuggingFace id / config.json path; null when the
 *                       source does not record it (replay then needs --model)
 * @param hardware       GPU name (e.g. H100)
 * @param tp             tensor-parallel degree, ≥ 1
 * @param vllm           server settings
 * @param stages         load stages in order (may be empty)
 * @param warmUpRequests requests with id below this are warm-up (also flagged per request)
 * @param seed           seed used for any random choice while converting; also the suggested simulation seed
 * @param provenance     where the trace came from
 * @param measured       measured aggregates, or null when nothing was measured
 */
@JsonPropertyOrder({"format", "version", "name", "workload", "model", "hardware", "tp", "vllm", "stages",
        "warm_up_requests", "seed", "provenance", "measured"})
public record TraceHeader(
        @JsonProperty(required = true) String format,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String workload,
        String model,
        @JsonProperty(required = true) String hardware,
        @JsonProperty(required = true) int tp,
        @JsonProperty(required = true) VllmSettings vllm,
        List<TraceStage> stages,
        long warmUpRequests,
        @JsonProperty(required = true) long seed,
        @JsonProperty(required = true) Provenance provenance,
        Measured measured) {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "blis-native-trace";
    /** The one format version this code reads and writes. */
    public static final int VERSION = 1;

    public TraceHeader {
        require(FORMAT.equals(format), "format", "must be \"" + FORMAT + "\", got " + quote(format));
        require(version == VERSION, "version", "must be " + VERSION + ", got " + version);
        requireText(name, "name");
        requireText(workload, "workload");
        require(model == null || !model.isBlank(), "model", "must be non-empty when present");
        requireText(hardware, "hardware");
        requireAtLeast(tp, 1, "tp");
        requireNonNull(vllm, "vllm");
        stages = stages == null ? List.of() : List.copyOf(stages);
        for (int i = 0; i < stages.size(); i++) {
            require(stages.get(i).index() == i, "stages.index", "must be " + i + " at position " + i);
        }
        requireAtLeast(warmUpRequests, 0, "warm_up_requests");
        requireNonNull(provenance, "provenance");
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** Same header with other vLLM settings. */
    public TraceHeader withVllm(VllmSettings newVllm) {
        return new TraceHeader(format, version, name, workload, model, hardware, tp, newVllm, stages,
                warmUpRequests, seed, provenance, measured);
    }
}
