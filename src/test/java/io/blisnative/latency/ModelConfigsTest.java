package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelConfigsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> blisParses() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ModelConfigsTest.class.getResourceAsStream("blis-f90a1e3-model-configs.csv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    rows.add(Arguments.of(line.substring(0, line.indexOf(',')), line));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blisParses")
    void load_referenceConfig_sameFieldsAsBlis(String name, String blisRow) {
        // given a config.json of ../shared/blis-reference/model_configs and the fields BLIS derived from it
        Path folder = TestPaths.blisReference().resolve("model_configs").resolve(name);
        // when
        ModelConfig m = ModelConfigs.load(folder);
        // then
        String mine = String.join(",", name, s(m.numLayers()), s(m.hiddenDim()), s(m.numHeads()), s(m.numKvHeads()),
                s(m.intermediateDim()), s(m.vocabSize()), g(m.bytesPerParam()), g(m.weightBytesPerParam()),
                s(m.headDim()), s(m.numExperts()), s(m.numExpertsPerTok()), s(m.moeExpertFfnDim()),
                s(m.sharedExpertFfnDim()), s(m.interleaveMoeLayerStep()), s(m.denseIntermediateDim()),
                s(m.firstKDenseReplace()), s(m.kvLoraRank()), s(m.qkRopeHeadDim()), m.hiddenAct(),
                String.valueOf(m.tieWordEmbeddings()), String.valueOf(m.maxModelLen()));
        assertEquals(blisRow, mine);
    }

    private static String s(int v) {
        return String.valueOf(v);
    }

    /** Go's %v of a float64 for the whole or half numbers used here. */
    private static String g(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Test
    void load_textConfig_overridesTopLevelKeys() throws IOException {
        // given a multimodal config whose text_config carries the language model
        Path file = write("{\"num_hidden_layers\": 2, \"hidden_size\": 64, \"torch_dtype\": \"bfloat16\","
                + " \"text_config\": {\"num_hidden_layers\": 48, \"hidden_size\": 5120, \"num_attention_heads\": 40,"
                + " \"num_key_value_heads\": 8, \"intermediate_size\": 8192}}");
        // when
        ModelConfig m = ModelConfigs.load(file);
        // then
        assertEquals(48, m.numLayers());
        assertEquals(5120, m.hiddenDim());
        assertEquals(2.0, m.bytesPerParam());
    }

    @Test
    void load_fieldFallbacks_followBlisOrder() throws IOException {
        // given Falcon/GLM spellings (num_kv_heads, ffn_hidden_size; multi_query_group_num with a "dtype" that
        // torch_dtype overrides) and a config with no KV-head field at all
        ModelConfig falcon = ModelConfigs.load(write(base().replace("\"intermediate_size\": 512", "\"ffn_hidden_size\": 1000")
                + ", \"num_kv_heads\": 4}"));
        ModelConfig glm = ModelConfigs.load(write(base() + ", \"multi_query_group_num\": 2, \"dtype\": \"x\"}"));
        ModelConfig mha = ModelConfigs.load(write(base() + "}"));
        // when / then
        assertEquals(4, falcon.numKvHeads());
        assertEquals(1000, falcon.intermediateDim());
        assertEquals(2, glm.numKvHeads());
        assertEquals(2.0, glm.bytesPerParam());
        assertEquals(16, mha.numKvHeads());
    }

    @Test
    void load_expertFields_resolveCountAndSharedWidth() throws IOException {
        // given num_experts 1 (not MoE) then n_routed_experts 64, two shared experts of moe_intermediate_size
        Path file = write(base() + ", \"num_experts\": 1, \"n_routed_experts\": 64, \"num_experts_per_tok\": 6,"
                + " \"moe_intermediate_size\": 1408, \"n_shared_experts\": 2}");
        // when
        ModelConfig m = ModelConfigs.load(file);
        // then the first count ≥ 2 wins and shared width = 2 · 1408
        assertEquals(64, m.numExperts());
        assertEquals(2_816, m.sharedExpertFfnDim());
    }

    @Test
    void load_quantizedWeights_fromQuantizationConfigOrName() throws IOException {
        // given GPTQ bits, a string bits value, fp8, compressed-tensors groups, and quantized names
        assertEquals(0.5, ModelConfigs.load(write(base() + ", \"quantization_config\": {\"bits\": 4}}"))
                .weightBytesPerParam());
        assertEquals(1.0, ModelConfigs.load(write(base() + ", \"quantization_config\": {\"bits\": \"8\"}}"))
                .weightBytesPerParam());
        assertEquals(1.0, ModelConfigs.load(write(base() + ", \"quantization_config\": {\"quant_method\": \"FP8\"}}"))
                .weightBytesPerParam());
        assertEquals(0.5, ModelConfigs.load(write(base() + ", \"quantization_config\": {\"quant_method\":"
                + " \"compressed-tensors\", \"config_groups\": {\"group_b\": {\"weights\": {\"num_bits\": 8}},"
                + " \"group_a\": {\"weights\": {\"num_bits\": 4}}}}}")).weightBytesPerParam());
        Path plain = write(base() + "}");
        // when / then names: wXaY gives X/8, an FP8 word gives 1, anything else nothing
        assertEquals(0.5, ModelConfigs.load(plain, "RedHatAI/phi-4-quantized.w4a16").weightBytesPerParam());
        assertEquals(1.0, ModelConfigs.load(plain, "RedHatAI/Qwen2.5-7B-Instruct-FP8-dynamic").weightBytesPerParam());
        assertEquals(0.0, ModelConfigs.load(plain, "meta-llama/Llama-3.1-8B").weightBytesPerParam());
        assertEquals(0.0, ModelConfigs.load(plain, "acme/notfp8model").weightBytesPerParam());
    }

    @Test
    void load_ropeScaling_derivesMaxModelLenLikeVllm() throws IOException {
        // given max_position_embeddings 4096 with several rope_scaling forms
        String pos = ", \"max_position_embeddings\": 4096";
        // when / then linear and dynamic multiply by the factor
        assertEquals(16_384, maxLen(pos + ", \"rope_scaling\": {\"type\": \"linear\", \"factor\": 4.0}"));
        assertEquals(8_192, maxLen(pos + ", \"rope_scaling\": {\"rope_type\": \"dynamic\", \"factor\": 2}"));
        // yarn multiplies original_max_position_embeddings when given
        assertEquals(163_840, maxLen(", \"max_position_embeddings\": 163840, \"rope_scaling\": {\"type\": \"yarn\","
                + " \"factor\": 40, \"original_max_position_embeddings\": 4096}"));
        // llama3 / longrope already include the scaling; factor ≤ 1 and Gemma 3 are left alone
        assertEquals(4_096, maxLen(pos + ", \"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8.0}"));
        assertEquals(4_096, maxLen(pos + ", \"rope_scaling\": {\"type\": \"longrope\", \"factor\": 8.0}"));
        assertEquals(4_096, maxLen(pos + ", \"rope_scaling\": {\"type\": \"linear\", \"factor\": 1.0}"));
        assertEquals(4_096, maxLen(pos + ", \"model_type\": \"gemma3_text\", \"rope_scaling\": {\"factor\": 8.0}"));
        assertEquals(0, maxLen(""));
    }

    @Test
    void load_missingOrInvalidFields_errorNamesFileAndField() throws IOException {
        // given configs missing layers, with an unknown dtype, without dtype, with a negative head_dim
        Path noLayers = write("{\"hidden_size\": 64, \"num_attention_heads\": 4, \"torch_dtype\": \"float16\"}");
        Path badDtype = write(base().replace("bfloat16", "float8_e4m3") + "}");
        Path noDtype = write(base().replace("\"torch_dtype\": \"bfloat16\",", "") + "}");
        Path negative = write(base() + ", \"head_dim\": -1}");
        // when / then
        assertMessage(noLayers + ": field 'num_hidden_layers' is missing", () -> ModelConfigs.load(noLayers));
        assertMessage("field 'torch_dtype' has unsupported value 'float8_e4m3'", () -> ModelConfigs.load(badDtype));
        assertMessage("'torch_dtype' (or 'dtype') is missing", () -> ModelConfigs.load(noDtype));
        assertMessage("field 'head_dim' must be >= 0", () -> ModelConfigs.load(negative));
        assertMessage("no such HuggingFace config.json", () -> ModelConfigs.load(dir.resolve("absent")));
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{not json");
        assertMessage(notJson + ": cannot read HuggingFace config", () -> ModelConfigs.load(notJson));
    }

    @Test
    void load_folderOrFile_sameResult() throws IOException {
        // given a folder holding config.json
        Path folder = Files.createDirectories(dir.resolve("my-model"));
        Files.writeString(folder.resolve("config.json"), base() + "}");
        // when / then
        assertEquals(ModelConfigs.load(folder.resolve("config.json")), ModelConfigs.load(folder));
    }

    private long maxLen(String extra) throws IOException {
        return ModelConfigs.load(write(base() + extra + "}")).maxModelLen();
    }

    private static String base() {
        return "{\"num_hidden_layers\": 4, \"hidden_size\": 256, \"num_attention_heads\": 16, \"torch_dtype\": \"bfloat16\","
                + " \"intermediate_size\": 512, \"vocab_size\": 1000";
    }

    private int files;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config" + (files++) + ".json"), json);
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
