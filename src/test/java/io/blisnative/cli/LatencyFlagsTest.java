package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** roofline-v2 and scheduling-overhead flags through {@code run}: wiring, precedence and rejections. */
class LatencyFlagsTest {
    private static final String CONFIG = SharedFixtures.projectDir().resolve("config").toString();
    private static final String SEED_FILE =
            SharedFixtures.projectDir().resolve("config/coefficients/roofline-v2-seed-overheads.yaml").toString();

    /** 30 requests of Llama-3.1-8B on one H100 at 5 req/s, plus {@code extra} flags. */
    private static CliRunner.Result run(String... extra) {
        return runN(30, extra);
    }

    private static CliRunner.Result runN(int requests, String... extra) {
        List<String> args = new ArrayList<>(List.of("--model", "meta-llama/Llama-3.1-8B-Instruct", "--hardware", "H100",
                "--tp", "1", "--rate", "5", "--num-requests", Integer.toString(requests), "--prompt-tokens", "256",
                "--output-tokens", "64", "--config-dir", CONFIG, "--format", "json"));
        args.addAll(List.of(extra));
        return CliRunner.run(new RunCommand(), args.toArray(new String[0]));
    }

    private static JsonNode metrics(CliRunner.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r::toString);
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void run_zeroSchedulingFlags_outputUnchanged() {
        // given the default model with and without every new flag at zero
        CliRunner.Result base = run();
        CliRunner.Result zeros = run("--sched-overhead-us", "0", "--sched-overhead-per-request-us", "0",
                "--postprocess-overhead-us", "0", "--async-scheduling");
        // when / then byte-identical stdout
        assertEquals(0, base.exitCode(), base::toString);
        assertEquals(base.out(), zeros.out());
    }

    @Test
    void run_schedOverhead_syncAddsToEveryStepAsyncHidesUnderGpuStep() throws Exception {
        // given a single request (one request per step, so batching cannot change) and trained-physics decode
        // steps of several ms; CPU schedule 1000 µs + 10 µs per request, 5 µs post-processing
        String[] costs = {"--sched-overhead-us", "1000", "--sched-overhead-per-request-us", "10",
            "--postprocess-overhead-us", "5"};
        String[] model = {"--latency-model", "trained-physics"};
        JsonNode base = metrics(runN(1, model));
        JsonNode sync = metrics(runN(1, concat(model, costs)));
        JsonNode async = metrics(runN(1, concat(model, costs, new String[] {"--async-scheduling"})));
        // when
        double syncDelta = sync.get("itl_mean_ms").asDouble() - base.get("itl_mean_ms").asDouble();
        double asyncDelta = async.get("itl_mean_ms").asDouble() - base.get("itl_mean_ms").asDouble();
        // then synchronous: each step + 1000 + 1·10 + 5 = 1,015 µs; async: max(GPU, 1,010) + 5 = GPU + 5 µs
        assertEquals(1.015, syncDelta, 1e-9);
        assertEquals(0.005, asyncDelta, 1e-9);
        assertTrue(runN(1, concat(model, costs)).err().contains("trained-physics + sync scheduling us: 1000 per step, 10 per request, "
                + "5 post-processing"));
    }

    private static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(new String[0]);
    }

    @Test
    void run_rooflineV2_h100EfficiencySlowsMemoryBoundSteps() throws Exception {
        // given roofline-v2 with the H100's 0.82 and with --bw-efficiency 1
        JsonNode sustained = metrics(run("--latency-model", "roofline-v2"));
        JsonNode peak = metrics(run("--latency-model", "roofline-v2", "--bw-efficiency", "1"));
        // when / then decode (memory-bound) steps take about 1/0.82 as long
        double ratio = sustained.get("itl_mean_ms").asDouble() / peak.get("itl_mean_ms").asDouble();
        assertTrue(ratio > 1.15 && ratio < 1.23, "ITL ratio " + ratio);
    }

    @Test
    void run_seedOverheadsFile_flagsOverrideFileFigures() throws Exception {
        // given the refuted H2 overheads (5 ms per step) from the bundled file, then the step overhead zeroed
        CliRunner.Result seedRun = run("--latency-model", "roofline-v2", "--coefficients", SEED_FILE);
        JsonNode seed = metrics(seedRun);
        JsonNode noStep = metrics(run("--latency-model", "roofline-v2", "--coefficients", SEED_FILE,
                "--step-overhead-us", "0"));
        JsonNode none = metrics(run("--latency-model", "roofline-v2"));
        // when / then stderr names the options; every decode step carries at least 5 ms; zeroing the step
        // overhead removes it from ITL
        assertTrue(seedRun.err().contains("roofline-v2 (bandwidth 0.82 of peak; overheads us: step 5000, prefill 30000, "
                + "mixed prefill 15000, all-reduce 0)"), seedRun::toString);
        assertTrue(seed.get("itl_mean_ms").asDouble() > none.get("itl_mean_ms").asDouble() + 5, seed.toString());
        assertTrue(Math.abs(noStep.get("itl_mean_ms").asDouble() - none.get("itl_mean_ms").asDouble()) < 1,
                noStep.toString());
        assertTrue(noStep.get("ttft_mean_ms").asDouble() > none.get("ttft_mean_ms").asDouble() + 15,
                "prefill overheads still apply: " + noStep);
    }

    @Test
    void run_rooflineV2FlagsWithOtherModels_badInput() {
        // given / when / then
        assertBadInput(run("--step-overhead-us", "5"), "--step-overhead-us applies only to --latency-model roofline-v2");
        assertBadInput(run("--latency-model", "roofline", "--bw-efficiency", "0.9"),
                "--bw-efficiency applies only to --latency-model roofline-v2");
        assertBadInput(run("--latency-model", "roofline-v2", "--bw-efficiency", "1.5"),
                "--bw-efficiency must be in (0, 1], got 1.5");
        assertBadInput(run("--latency-model", "roofline-v2", "--allreduce-latency-us", "-1"),
                "--allreduce-latency-us must be a finite number >= 0");
        assertBadInput(run("--sched-overhead-us", "-3"), "--sched-overhead-us must be a finite number >= 0");
        assertBadInput(run("--latency-model", "roofline", "--coefficients", SEED_FILE),
                "holds roofline-v2 overheads; use it with --latency-model roofline-v2");
    }

    private static void assertBadInput(CliRunner.Result r, String fragment) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        assertTrue(r.err().contains(fragment), r::toString);
    }
}
