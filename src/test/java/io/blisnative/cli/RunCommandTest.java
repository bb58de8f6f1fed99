package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String config() {
        return SharedFixtures.projectDir().resolve("config").toString();
    }

    @Test
    void run_traceOutput_writesATraceThatReplaysToTheSameSimulation() throws Exception {
        // given a small synthetic run that also writes its workload as a trace
        Path trace = tmp.resolve("synthetic.jsonl");
        CliRunner.Result run = CliRunner.run(new RunCommand(), "--model", "meta-llama/llama-3.1-8b-instruct",
                "--latency-model", "roofline", "--num-requests", "60", "--rate", "8", "--prefix-tokens", "32",
                "--trace-output", trace.toString(), "--format", "json", "--config-dir", config());
        assertEquals(0, run.exitCode(), run.toString());
        // when the trace is replayed with the same server
        CliRunner.Result replay = CliRunner.run(new ReplayCommand(), trace.toString(), "--latency-model", "roofline",
                "--format", "json", "--config-dir", config());
        assertEquals(0, replay.exitCode(), replay.toString());
        // then the trace holds every request and the replay completes them all
        assertEquals(61, Files.readAllLines(trace).size());
        JsonNode experiment = JSON.readTree(replay.out()).at("/experiments/0");
        assertEquals(60, experiment.at("/counts/completed").asLong(), replay.out());
        assertEquals(JSON.readTree(run.out()).get("completed_requests").asLong(), 60);
    }

    @Test
    void run_workloadSpec_runsInferencePerfSessions() throws Exception {
        // given a multi-turn inference-perf spec
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, """
                seed: 7
                inference_perf:
                  shared_prefix: {num_unique_system_prompts: 2, num_users_per_system_prompt: 2, system_prompt_len: 64,
                                  question_len: 100, output_len: 20, enable_multi_turn_chat: true}
                  stages: [{rate: 4, duration: 10}]
                """);
        // when it runs
        CliRunner.Result r = CliRunner.run(new RunCommand(), "--model", "meta-llama/llama-3.1-8b-instruct",
                "--workload-spec", spec.toString(), "--format", "json", "--config-dir", config());
        // then every session round completes: rate x duration = 40 requests
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(40, JSON.readTree(r.out()).get("completed_requests").asInt(), r.out());
    }

    @Test
    void run_workloadSpecWithoutInferencePerf_exitsThreeNamingTheKey() throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "seed: 1\n");
        CliRunner.Result r = CliRunner.run(new RunCommand(), "--model", "meta-llama/llama-3.1-8b-instruct",
                "--workload-spec", spec.toString(), "--config-dir", config());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("inference_perf"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
