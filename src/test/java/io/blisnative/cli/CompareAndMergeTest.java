package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareAndMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String trace(String name) {
        return SharedFixtures.projectDir().resolve("traces").resolve(name).toString();
    }

    private static String config() {
        return SharedFixtures.projectDir().resolve("config").toString();
    }

    @Test
    void compare_inlineAndYamlConfigs_printsBothSidesAndDelta() throws Exception {
        // given a baseline as flags and a treatment as a YAML file
        Path treatment = tmp.resolve("treatment.yaml");
        Files.writeString(treatment, "latency-model: roofline\nconfig-dir: " + config() + "\n");
        // when both replay the same trace
        CliRunner.Result r = CliRunner.run(new CompareCommand(), "--baseline",
                "--latency-model trained-physics --config-dir " + config(), "--treatment", treatment.toString(),
                trace("llama2-70b-tp4-roleplay.jsonl"), "--format", "json");
        // then the JSON carries both sides and their difference per experiment
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.has("baseline") && doc.has("treatment") && doc.has("comparison"), r.out());
        double base = doc.at("/baseline/experiments/0/metrics/e2e/error_pct").asDouble();
        double treat = doc.at("/treatment/experiments/0/metrics/e2e/error_pct").asDouble();
        assertTrue(base != treat, "roofline and trained-physics should not agree: " + base);
    }

    @Test
    void compare_badConfigFlag_exitsThreeNamingTheSide() {
        CliRunner.Result r = CliRunner.run(new CompareCommand(), "--baseline", "--no-such-flag 1",
                "--treatment", "--latency-model roofline", trace("llama2-70b-tp4-roleplay.jsonl"));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("baseline configuration"), r.err());
    }

    @Test
    void reportMerge_twoShards_equalsOneReplayOfBoth() throws Exception {
        // given two traces replayed separately (shards) and together
        String a = trace("llama2-70b-tp4-roleplay.jsonl");
        String b = trace("codellama-34b-tp2-codegen.jsonl");
        Path shardA = tmp.resolve("a.json");
        Path shardB = tmp.resolve("b.json");
        assertEquals(0, CliRunner.run(new ReplayCommand(), a, "--format", "json", "-o", shardA.toString(),
                "--config-dir", config()).exitCode());
        assertEquals(0, CliRunner.run(new ReplayCommand(), b, "--format", "json", "-o", shardB.toString(),
                "--config-dir", config()).exitCode());
        CliRunner.Result together = CliRunner.run(new ReplayCommand(), a, b, "--format", "json", "--config-dir", config());
        // when the shards are merged
        CliRunner.Result merged = CliRunner.run(new ReportCommand.Merge(), shardA.toString(), shardB.toString(),
                "--format", "json");
        // then the merged report is the combined one
        assertEquals(0, merged.exitCode(), merged.toString());
        assertEquals(JSON.readTree(together.out()), JSON.readTree(merged.out()));
    }
}
