package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {
    private static final String CONFIG = SharedFixtures.projectDir().resolve("config").toString();

    @Test
    void models_table_listsEveryModelWithArchitectureAndDefaults() {
        // given / when
        CliRunner.Result r = CliRunner.run(new ModelsCommand(), "--config-dir", CONFIG);
        // then
        assertEquals(0, r.exitCode(), r::toString);
        String mixtral = line(r.out(), "mixtral-8x7b-v0.1 ");
        assertTrue(mixtral.matches("mixtral-8x7b-v0\\.1 +MoE 8x2 +32 +4096 +32 +8 +bfloat16 +H100 TP2 +"
                + "mistralai/Mixtral-8x7B-v0\\.1"), mixtral);
        assertTrue(line(r.out(), "deepseek-v2-lite ").contains("MoE 64x6 +shared (first 1 dense), MLA"), r::toString);
        assertTrue(line(r.out(), "llama-2-7b-hf ").matches("llama-2-7b-hf +dense +32 +4096 +32 +32 +float16 +H100 TP1 +"
                + "meta-llama/Llama-2-7b-hf"), r::toString);
        assertTrue(line(r.out(), "glm-5.2-fp8 ").contains("weights 1 B"), r::toString);
        assertTrue(line(r.out(), "yi-34b ").contains(" - "), "no catalog default for Yi-34B: " + r);
        assertTrue(line(r.out(), "trained-physics-iter29 ").matches("trained-physics-iter29 +trained-physics +34\\.5675%.*"),
                r::toString);
        assertTrue(line(r.out(), "roofline-v2-seed-overheads ").matches("roofline-v2-seed-overheads +roofline-v2 +refuted.*"),
                r::toString);
        for (String name : List.of("blackbox", "roofline", "roofline-v2", "trained-physics")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " missing: " + r);
        }
        assertEquals("", r.err());
    }

    @Test
    void models_json_sameModelsFitsAndNamesInFixedOrder() throws Exception {
        // given / when
        CliRunner.Result r = CliRunner.run(new ModelsCommand(), "--config-dir", CONFIG, "--format", "json");
        // then
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(14, doc.get("models").size());
        JsonNode first = doc.get("models").get(0);
        assertEquals("codellama-34b-instruct-hf", first.get("name").asText());
        assertEquals(List.of("name", "architecture", "layers", "hidden_size", "attention_heads", "kv_heads", "dtype",
                "weight_bytes_per_param", "experts", "experts_per_token", "moe_layers", "mla", "huggingface_ids",
                "default_gpu", "default_tp", "source"), fieldNames(first));
        assertEquals("H100", first.get("default_gpu").asText());
        assertEquals(2, first.get("default_tp").asInt());
        assertEquals(List.of("blis-native-h100", "kernel-roofline-priors", "roofline-v2-seed-overheads", "trained-physics-iter29"),
                doc.get("coefficients").findValuesAsText("name"));
        assertEquals(List.of("blackbox", "kernel-roofline", "roofline", "roofline-v2", "trained-physics"),
                doc.get("latency_models").findValuesAsText("name"));
    }

    @Test
    void models_unknownFormat_usageError() {
        // given / when
        CliRunner.Result r = CliRunner.run(new ModelsCommand(), "--config-dir", CONFIG, "--format", "csv");
        // then
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--format"), r::toString);
    }

    @Test
    void models_missingConfigDir_badInput() {
        // given / when
        CliRunner.Result r = CliRunner.run(new ModelsCommand(), "--config-dir", "no/such/dir");
        // then
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        assertTrue(r.err().contains("catalog folder not found"), r::toString);
    }

    static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in\n" + out));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
