package io.blisnative.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a HuggingFace {@code config.json} into a {@link ModelConfig}, with the field fallbacks
 * BLIS applies (spec §3): a nested {@code text_config} overrides top-level keys; KV heads fall
 * back to {@code num_kv_heads}, {@code multi_query_group_num}, then the head count; the MLP
 * width to {@code ffn_hidden_size}; the expert count is the first of {@code num_experts,
 * moe_num_experts, n_routed_experts, num_local_experts, num_routed_experts} that is ≥ 2.
 * Numbers are truncated to int as Go's {@code int(float64)} does; a non-number counts as absent.
 */
public final class ModelConfigs {

    private static final Map<String, Integer> DTYPE_BYTES = Map.of(
            "float32", 4, "float16", 2, "bfloat16", 2, "int8", 1, "uint8", 1, "fp8", 1, "int4", 1, "nf4", 1);
    private static final String[] KV_HEAD_FIELDS = {"num_key_value_heads", "num_kv_heads", "multi_query_group_num"};
    private static final String[] EXPERT_COUNT_FIELDS =
            {"num_experts", "moe_num_experts", "n_routed_experts", "num_local_experts", "num_routed_experts"};
    private static final String[] NON_NEGATIVE_FIELDS =
            {"head_dim", "kv_lora_rank", "qk_rope_head_dim", "first_k_dense_replace"};

    private ModelConfigs() {
    }

    /**
     * Loads {@code config.json} from a file or from a folder holding one. Quantized-weight width
     * not given by {@code quantization_config} is guessed from the folder name (BLIS names the
     * folder after the model, so "…-quantized.w4a16" or "…-FP8-dynamic" are recognised).
     *
     * @throws IllegalArgumentException naming the file and the field when it is missing or invalid
     */
    public static ModelConfig load(Path configJsonOrFolder) {
        Path file = configFile(configJsonOrFolder);
        Path folder = file.toAbsolutePath().getParent();
        String name = folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
        return load(configJsonOrFolder, name);
    }

    /**
     * Loads {@code config.json} from a file or folder, guessing quantized-weight width from
     * {@code modelName} (a HF id such as "RedHatAI/phi-4-quantized.w4a16") when the config has no
     * usable {@code quantization_config}.
     */
    public static ModelConfig load(Path configJsonOrFolder, String modelName) {
        Path file = configFile(configJsonOrFolder);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read HuggingFace config: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": HuggingFace config must be a JSON object");
        }
        return fromJson((ObjectNode) root, file.toString(), modelName);
    }

    /**
     * Builds a model from an already parsed HF config object ({@code source} names it in errors).
     * The object is not modified.
     */
    public static ModelConfig fromJson(ObjectNode config, String source, String modelName) {
        ObjectNode hf = config.deepCopy();
        JsonNode text = hf.get("text_config");
        if (text != null && text.isObject()) {
            hf.setAll((ObjectNode) text);
        }
        try {
            return parse(hf, source, modelName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ModelConfig parse(ObjectNode hf, String source, String modelName) {
        int layers = required(hf, "num_hidden_layers");
        int hidden = required(hf, "hidden_size");
        int heads = required(hf, "num_attention_heads");
        for (String f : NON_NEGATIVE_FIELDS) {
            if (intField(hf, f) < 0) {
                throw new IllegalArgumentException("field '" + f + "' must be >= 0, got " + intField(hf, f));
            }
        }
        int kvHeads = firstNonZero(hf, KV_HEAD_FIELDS);
        int intermediate = firstNonZero(hf, "intermediate_size", "ffn_hidden_size");
        int experts = expertCount(hf);
        int expertFfn = intField(hf, "moe_intermediate_size");
        double weightBytes = WeightPrecision.fromQuantizationConfig(hf.get("quantization_config"));
        if (weightBytes == 0) {
            weightBytes = WeightPrecision.fromModelName(modelName);
        }
        return new ModelConfig(layers, hidden, heads, kvHeads == 0 ? heads : kvHeads, intermediate,
                intField(hf, "vocab_size"), dtypeBytes(hf), weightBytes, intField(hf, "head_dim"), experts,
                intField(hf, "num_experts_per_tok"), expertFfn, sharedExpertFfn(hf, expertFfn, intermediate),
                intField(hf, "interleave_moe_layer_step"), intField(hf, "intermediate_size_mlp"),
                intField(hf, "first_k_dense_replace"), intField(hf, "kv_lora_rank"),
                intField(hf, "qk_rope_head_dim"), textField(hf, "hidden_act"), tieWordEmbeddings(hf),
                ContextLength.fromHf(hf));
    }

    private static Path configFile(Path configJsonOrFolder) {
        if (configJsonOrFolder == null) {
            throw new IllegalArgumentException("model config path must not be null");
        }
        Path file = Files.isDirectory(configJsonOrFolder) ? configJsonOrFolder.resolve("config.json") : configJsonOrFolder;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such HuggingFace config.json");
        }
        return file;
    }

    private static int required(JsonNode hf, String field) {
        int v = intField(hf, field);
        if (v <= 0) {
            JsonNode node = hf.get(field);
            throw new IllegalArgumentException("field '" + field + "' "
                    + (node == null ? "is missing" : "must be a positive number, got " + node));
        }
        return v;
    }

    /** Go's getInt: a JSON number truncated to int, anything else 0. */
    static int intField(JsonNode hf, String field) {
        JsonNode v = hf.get(field);
        return v != null && v.isNumber() ? (int) v.doubleValue() : 0;
    }

    private static int firstNonZero(JsonNode hf, String... fields) {
        for (String f : fields) {
            int v = intField(hf, f);
            if (v != 0) {
                return v;
            }
        }
        return 0;
    }

    private static int expertCount(JsonNode hf) {
        for (String f : EXPERT_COUNT_FIELDS) {
            int v = intField(hf, f);
            if (v >= ModelConfig.MOE_MIN_EXPERTS) {
                return v;
            }
        }
        return 0;
    }

    private static int sharedExpertFfn(JsonNode hf, int expertFfn, int intermediate) {
        int explicit = intField(hf, "shared_expert_intermediate_size");
        if (explicit > 0) {
            return explicit;
        }
        int shared = intField(hf, "n_shared_experts");
        if (shared > 0) {
            return shared * (expertFfn != 0 ? expertFfn : intermediate);
        }
        return 0;
    }

    private static double dtypeBytes(JsonNode hf) {
        JsonNode torchDtype = hf.get("torch_dtype");
        String field = torchDtype != null && torchDtype.isTextual() ? "torch_dtype" : "dtype";
        JsonNode node = hf.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("field 'torch_dtype' (or 'dtype') is missing or not a string");
        }
        Integer bytes = DTYPE_BYTES.get(node.asText());
        if (bytes == null) {
            throw new IllegalArgumentException("field '" + field + "' has unsupported value '" + node.asText()
                    + "' (supported: bfloat16, float16, float32, fp8, int4, int8, nf4, uint8)");
        }
        return bytes;
    }

    private static String textField(JsonNode hf, String field) {
        JsonNode v = hf.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    private static boolean tieWordEmbeddings(JsonNode hf) {
        JsonNode v = hf.get("tie_word_embeddings");
        return v != null && v.isBoolean() && v.booleanValue();
    }
}
