package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** The real entry point (Quarkus main + picocli), as a user runs it. */
@QuarkusMainTest
class CliEndToEndTest {
    private static final String[] SMALL_RUN = {"run", "--model", "meta-llama/llama-3.1-8b-instruct",
        "--latency-model", "roofline", "--rate", "5", "--num-requests", "40", "--format", "json"};

    @Test
    @Launch({"--version"})
    void version_printsNameAndVersion(LaunchResult result) {
        assertTrue(result.getOutput().startsWith("blis-native "), result.getOutput());
    }

    @Test
    void run_smallWorkload_printsBlisJsonAndIsDeterministic(QuarkusMainLauncher launcher) {
        LaunchResult first = launcher.launch(SMALL_RUN);
        LaunchResult second = launcher.launch(SMALL_RUN);
        assertEquals(0, first.exitCode(), first.getErrorOutput());
        assertTrue(first.getOutput().contains("\"completed_requests\" : 40"), first.getOutput());
        assertEquals(first.getOutput(), second.getOutput(), "same inputs and seed must print identical bytes");
    }

    @Test
    @Launch(value = {"run", "--model", "no-such-model"}, exitCode = 3)
    void run_unknownModel_exitsThreeWithOneLine(LaunchResult result) {
        assertOneLineError(result, "unknown model 'no-such-model'");
    }

    @Test
    @Launch(value = {"run", "--model-config-folder", "/nonexistent/folder"}, exitCode = 3)
    void run_missingConfigFile_exitsThree(LaunchResult result) {
        assertOneLineError(result, "/nonexistent/folder");
    }

    @Test
    @Launch(value = {"run", "--model", "meta-llama/llama-3.1-8b-instruct", "--rate", "-1"}, exitCode = 3)
    void run_negativeRate_exitsThree(LaunchResult result) {
        assertOneLineError(result, "rate");
    }

    @Test
    @Launch(value = {"run", "--model", "meta-llama/llama-3.1-8b-instruct", "--max-num-seqs", "0"}, exitCode = 3)
    void run_zeroMaxNumSeqs_exitsThree(LaunchResult result) {
        assertOneLineError(result, "max_num_seqs");
    }

    @Test
    @Launch(value = {"run", "--no-such-flag"}, exitCode = 2)
    void run_unknownFlag_exitsTwoWithUsageHint(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("--no-such-flag"), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("--help"), result.getErrorOutput());
    }

    private static void assertOneLineError(LaunchResult result, String fragment) {
        String err = result.getErrorOutput().strip();
        assertTrue(err.contains(fragment), err);
        assertFalse(err.contains("\tat "), "no stack trace expected:\n" + err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("blis-native:")).count(), err);
    }
}
