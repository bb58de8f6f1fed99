package io.blisnative.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inference-perf form of BLIS's WorkloadSpec YAML ({@code blis run --workload-spec}):
 * <pre>
 * seed: 42
 * num_requests: 1000          # optional cap
 * inference_perf:
 *   shared_prefix: {num_unique_system_prompts: 9, num_users_per_system_prompt: 5, system_prompt_len: 100,
 *                   question_len: 447, output_len: 248, enable_multi_turn_chat: true}
 *   stages: [{rate: 8, duration: 600}, {rate: 20, duration: 600}]
 * </pre>
 *
 * @param spec        the inference-perf profile
 * @param seed        workload seed (the file's, else the caller's default)
 * @param numRequests request cap, or Long.MAX_VALUE when absent
 */
public record WorkloadSpecFile(InferencePerfSpec spec, long seed, long numRequests) {

    /** @throws IllegalArgumentException naming the file and key when the file is unreadable or incomplete */
    public static WorkloadSpecFile read(Path file, long defaultSeed) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the workload spec: " + e.getMessage());
        }
        if (root == null || !root.has("inference_perf")) {
            throw new IllegalArgumentException(file + ": key 'inference_perf' is missing (only inference-perf"
                    + " workload specs are supported)");
        }
        try {
            long seed = root.has("seed") ? root.get("seed").asLong() : defaultSeed;
            long cap = root.has("num_requests") && root.get("num_requests").asLong() > 0
                    ? root.get("num_requests").asLong() : Long.MAX_VALUE;
            return new WorkloadSpecFile(inferencePerf(root.get("inference_perf")), seed, cap);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code inference_perf} section as BLIS's golden files and spec YAML write it. */
    public static InferencePerfSpec inferencePerf(JsonNode ip) {
        JsonNode stagesNode = required(ip, "stages");
        List<InferencePerfSpec.Stage> stages = new ArrayList<>();
        for (JsonNode s : stagesNode) {
            stages.add(new InferencePerfSpec.Stage(required(s, "rate").asDouble(), required(s, "duration").asLong()));
        }
        JsonNode sp = required(ip, "shared_prefix");
        return new InferencePerfSpec(stages, new InferencePerfSpec.SharedPrefix(
                required(sp, "num_unique_system_prompts").asInt(), required(sp, "num_users_per_system_prompt").asInt(),
                required(sp, "system_prompt_len").asInt(), required(sp, "question_len").asInt(),
                required(sp, "output_len").asInt(), sp.path("enable_multi_turn_chat").asBoolean(false)));
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("inference_perf key '" + key + "' is missing");
        }
        return v;
    }
}
