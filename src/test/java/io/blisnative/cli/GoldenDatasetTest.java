package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BLIS's goldendataset.json (5 cases) through the {@code run} command, as BLIS's own golden test
 * runs them: roofline on a fixed Llama-8B-like test model and test GPU (spec §6.1), the case's
 * TP, alphas and scheduler settings. Counts must match exactly, every float within 1e-9 relative.
 */
class GoldenDatasetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-9;

    @TempDir
    static Path tmp;

    static Stream<Arguments> cases() throws Exception {
        Path file = SharedFixtures.shared().resolve("blis-reference/testdata/goldendataset.json");
        JsonNode tests = JSON.readTree(file.toFile()).get("tests");
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            out.add(Arguments.of(i, tests.get(i)));
        }
        return out.stream();
    }

    static String[] args(JsonNode c, Path modelDir, Path hardware) {
        JsonNode a = c.get("alpha-coeffs");
        return new String[] {
            "--model-config-folder", modelDir.toString(), "--hardware-config", hardware.toString(),
            "--hardware", "TestGPU", "--latency-model", "roofline",
            "--tp", c.get("tp").asText(), "--seed", c.get("seed").asText(),
            "--rate", c.get("rate").asText(), "--num-requests", c.get("num-requests").asText(),
            "--prefix-tokens", c.get("prefix_tokens").asText(),
            "--prompt-tokens", c.get("prompt_tokens").asText(), "--prompt-tokens-stdev", c.get("prompt_tokens_stdev").asText(),
            "--prompt-tokens-min", c.get("prompt_tokens_min").asText(), "--prompt-tokens-max", c.get("prompt_tokens_max").asText(),
            "--output-tokens", c.get("output_tokens").asText(), "--output-tokens-stdev", c.get("output_tokens_stdev").asText(),
            "--output-tokens-min", c.get("output_tokens_min").asText(), "--output-tokens-max", c.get("output_tokens_max").asText(),
            "--max-num-seqs", c.get("max-num-seqs").asText(), "--max-num-batched-tokens", c.get("max-num-batched-tokens").asText(),
            "--max-model-len", c.get("max-model-len").asText(), "--total-kv-blocks", c.get("total-kv-blocks").asText(),
            "--block-size-in-tokens", c.get("block-size-in-tokens").asText(),
            "--long-prefill-token-threshold", c.get("long-prefill-token-threshold").asText(),
            "--alpha-coeffs", a.get(0).asText() + "," + a.get(1).asText() + "," + a.get(2).asText(),
            "--config-dir", SharedFixtures.projectDir().resolve("config").toString(),
            "--format", "json"};
    }

    /** The fixed model and GPU BLIS's golden test uses in place of the case's named model. */
    static Path[] writeTestModelAndGpu(Path dir) throws Exception {
        Path modelDir = Files.createDirectories(dir.resolve("test-model"));
        Files.writeString(modelDir.resolve("config.json"), """
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096,
                 "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
                 "intermediate_size": 16384, "vocab_size": 128256, "max_position_embeddings": 131072,
                 "hidden_act": "silu", "torch_dtype": "bfloat16"}
                """);
        Path hardware = dir.resolve("hardware.json");
        Files.writeString(hardware, """
                {"TestGPU": {"TFlopsPeak": 989.0, "BwPeakTBs": 3.35, "mfuPrefill": 0.55, "mfuDecode": 0.30, "MemoryGiB": 80.0}}
                """);
        return new Path[] {modelDir, hardware};
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void run_goldenCase_reproducesBlisMetrics(int index, JsonNode golden) throws Exception {
        // given BLIS's fixed test model and GPU, and the case's flags
        Path[] fixtures = writeTestModelAndGpu(tmp.resolve("case" + index));
        // when the run command simulates the case
        CliRunner.Result result = CliRunner.run(new RunCommand(), args(golden, fixtures[0], fixtures[1]));
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode actual = JSON.readTree(result.out());
        // then every golden metric matches: integers exactly, floats to 1e-9 relative
        JsonNode expected = golden.get("metrics");
        StringBuilder mismatches = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode got = actual.get(e.getKey());
            if (got == null) {
                mismatches.append(e.getKey()).append(": missing\n");
            } else if (e.getValue().isIntegralNumber()) {
                if (got.asLong() != e.getValue().asLong()) {
                    mismatches.append(e.getKey()).append(": expected ").append(e.getValue()).append(" got ").append(got).append('\n');
                }
            } else {
                double want = e.getValue().asDouble();
                double have = got.asDouble();
                if (Math.abs(have - want) > TOLERANCE * Math.max(Math.abs(want), 1e-300)) {
                    mismatches.append(e.getKey()).append(": expected ").append(want).append(" got ").append(have).append('\n');
                }
            }
        }
        assertEquals("", mismatches.toString(), "case " + index + " differs from BLIS:\n" + result.out());
    }
}
