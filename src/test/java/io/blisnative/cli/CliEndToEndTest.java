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
    @Launch({"--help"})
    void help_listsEveryCommand(LaunchResult result) {
        // the root's model is built in code (BlisNative.commandLine): its usage must read as picocli's standard one
        assertTrue(result.getOutput().startsWith("Usage: blis-native [-hV] [COMMAND]\n"
                + "Simulates vLLM inference serving and reports how far the simulation is from\nmeasurements.\n"
                + "  -h, --help      Show this help message and exit.\n"
                + "  -V, --version   Print version information and exit.\nCommands:\n"), result.getOutput());
        for (String command : new String[] {"replay", "compare", "run", "convert", "calibrate", "report", "models",
            "hardware"}) {
            assertTrue(result.getOutput().contains("  " + command + " "), command + " missing:\n" + result.getOutput());
        }
    }

    @Test
    @Launch(value = {"repaly", "traces/llama70b.jsonl"}, exitCode = 2)
    void misspelledCommand_suggestsTheRealOne(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("replay"), result.getErrorOutput());
    }

    @Test
    @Launch(value = {"report", "mrege", "a.json"}, exitCode = 2)
    void misspelledNestedCommand_suggestsTheRealOne(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("Did you mean: blis-native report merge?"), result.getErrorOutput());
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

    @Test
    @Launch({"replay", "traces/llama70b.jsonl"})
    void replay_bundledTrace_printsErrorTable(LaunchResult result) {
        String out = result.getOutput();
        assertTrue(out.contains("E2E") && out.contains("TTFT") && out.contains("TPOT"), out);
        assertTrue(out.contains("llama-2-70b-tp4-general"), out);
    }

    @Test
    @Launch(value = {"replay", "traces/llama70b.jsonl", "--max-error", "e2e=0.001"}, exitCode = 1)
    void replay_errorBudgetExceeded_exitsOne(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("error budget exceeded"), result.getErrorOutput());
    }

    @Test
    void replay_malformedTrace_namesFileLineAndField(QuarkusMainLauncher launcher,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = dir.resolve("bad.jsonl");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("traces/llama70b.jsonl"))
                .subList(0, 3);
        java.nio.file.Files.write(bad, java.util.List.of(lines.get(0), lines.get(1),
                lines.get(2).replaceFirst("\"arrival_us\":\\d+", "\"arrival_us\":-5")));
        LaunchResult result = launcher.launch("replay", bad.toString());
        assertEquals(3, result.exitCode(), result.getErrorOutput());
        assertOneLineError(result, bad + ":3");
        assertTrue(result.getErrorOutput().contains("arrival_us"), result.getErrorOutput());
    }

    private static void assertOneLineError(LaunchResult result, String fragment) {
        String err = result.getErrorOutput().strip();
        assertTrue(err.contains(fragment), err);
        assertFalse(err.contains("\tat "), "no stack trace expected:\n" + err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("blis-native: error:")).count(), err);
    }
}
