package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which latency model and coefficients a run gets when it names none, some or all of them. */
class DefaultLatencyModelTest {
    private static final String CONFIG = SharedFixtures.projectDir().resolve("config").toString();

    private static CliRunner.Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--model", "meta-llama/Llama-2-70b-hf", "--tp", "4", "--rate", "5",
                "--num-requests", "20", "--prompt-tokens", "256", "--output-tokens", "32", "--config-dir", CONFIG,
                "--format", "json"));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(new RunCommand(), args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Test
    void run_noLatencyFlags_catalogDefaultFitWithVllmKvCapacity() {
        // given / when
        CliRunner.Result r = run();
        // then kernel-roofline with the default fit; KV blocks counted per GPU as vLLM does (KvCapacity.instanceBlocks:
        // (72 - 2.0 reserved) GiB less a quarter of the 137,953,296,384 B of weights, over 1,310,720 B per block);
        // BLIS's count would be 124207 over all four GPUs
        assertTrue(r.err().contains("kernel-roofline, 31031 KV blocks"), r::toString);
    }

    @Test
    void run_trainedPhysicsNamed_blisModelAndBlisKvCapacity() {
        // given / when
        CliRunner.Result named = run("--latency-model", "trained-physics");
        CliRunner.Result coeffs = run("--alpha-coeffs", "15563.199579,777.3455,45.907545", "--beta-coeffs",
                "0.152128,0.0,1.36252915,0.752037,32.09546717,4.41684444,126.024825,481.8613888,0.0,1.94710771,0.752037");
        // then both are trained-physics with BLIS's KV count, and the explicit iter29 figures equal the defaults
        assertTrue(named.err().contains("trained-physics, 124207 KV blocks"), named::toString);
        assertTrue(coeffs.err().contains("trained-physics, 124207 KV blocks"), coeffs::toString);
        assertEquals(named.out(), coeffs.out());
    }

    @Test
    void run_coefficientsFileWithoutModel_usesTheFilesModel() {
        // given the roofline-v2 seed overheads file and no --latency-model
        String file = SharedFixtures.projectDir().resolve("config/coefficients/roofline-v2-seed-overheads.yaml")
                .toString();
        // when
        CliRunner.Result r = run("--coefficients", file);
        // then
        assertTrue(r.err().contains(", roofline-v2 (bandwidth"), r::toString);
    }

    @Test
    void run_defaultFitAsyncSchedulingSwitchedOff_firstTokensComeAboutAStepEarlier() throws Exception {
        // given the default fit with and without its async scheduling
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var async = json.readTree(run().out());
        var sync = json.readTree(run("--async-scheduling=false").out());
        // when
        double earlierMs = async.get("ttft_mean_ms").asDouble() - sync.get("ttft_mean_ms").asDouble();
        double stepMs = async.get("itl_mean_ms").asDouble();
        // then requests arriving mid-step wait one step less when synchronous; decode steps are unchanged
        assertTrue(earlierMs > 0.5 * stepMs && earlierMs < 1.5 * stepMs, "TTFT " + earlierMs + " ms earlier, step "
                + stepMs + " ms");
        assertEquals(stepMs, sync.get("itl_mean_ms").asDouble(), 0.05 * stepMs);
    }
}
