package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.Coefficients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate through the CLI on small cuts of shipped traces, with a few evaluations only. */
class CalibrateCommandTest {
    private static final String CONFIG = SharedFixtures.projectDir().resolve("config").toString();

    /** The header and the first {@code requests} requests of a shipped trace. */
    private static Path cut(Path dir, String trace, int requests) throws IOException {
        Path source = SharedFixtures.projectDir().resolve("traces").resolve(trace);
        Path out = dir.resolve(trace);
        try (Stream<String> lines = Files.lines(source)) {
            Files.write(out, lines.limit(requests + 1L).toList());
        }
        return out;
    }

    @Test
    void help_tolerancesAndLatencyModel_formatCleanlyAndNameTheRealDefault() {
        // given picocli's own warnings go to System.err, not to the command's writer
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        CliRunner.Result r;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            // when
            r = CliRunner.run(new CalibrateCommand(), "--help");
        } finally {
            System.setErr(saved);
        }
        // then the '%' of the tolerances is escaped and the default model is the catalog's (ServerSetup)
        String help = r.out().replaceAll("\\s+", " ");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        assertTrue(help.contains("per-metric tolerances of the loss, in % (default: 5,10,5)"), help);
        assertTrue(help.contains("(default: the catalog's default fit, kernel-roofline (config/defaults.yaml);"), help);
    }

    @Test
    void calibrate_oneSmallTrace_writesAReadableFitWithinBounds(@TempDir Path dir) throws IOException {
        // given 200 requests of Llama-2-7B roleplay and a fit of the API delay only
        Path trace = cut(dir, "llama2-7b-tp1-roleplay.jsonl", 200);
        Path output = dir.resolve("fit.yaml");
        // when
        CliRunner.Result r = CliRunner.run(new CalibrateCommand(), trace.toString(), "--config-dir", CONFIG,
                "--fit", "alpha0=0:40000", "--max-evaluations", "6", "--threads", "1", "--output", output.toString());
        // then
        assertEquals(0, r.exitCode(), r::toString);
        Coefficients fit = Catalog.readCoefficients(output);
        assertEquals("kernel-roofline", fit.latencyModel());
        assertTrue(fit.alpha()[0] >= 0 && fit.alpha()[0] <= 40000, "alpha0 " + fit.alpha()[0]);
        assertTrue(fit.asyncScheduling(), "the default fit's async scheduling is kept");
        assertTrue(r.err().contains("eval 6 (full)"), r::toString);
        assertTrue(r.err().contains("Fit on all experiments: loss"), r::toString);
        assertTrue(Files.readString(output).contains("llama-2-7b-tp1-roleplay"), "data names the experiment");
    }

    @Test
    void calibrate_leaveOneOutOnTwoTraces_reportsEachHeldOutExperiment(@TempDir Path dir) throws IOException {
        // given two small traces of different models
        Path a = cut(dir, "llama2-7b-tp1-roleplay.jsonl", 120);
        Path b = cut(dir, "llama2-70b-tp4-roleplay.jsonl", 120);
        Path output = dir.resolve("fit.yaml");
        // when
        CliRunner.Result r = CliRunner.run(new CalibrateCommand(), a.toString(), b.toString(), "--config-dir", CONFIG,
                "--fit", "beta6=0:150,alpha0=0:40000", "--max-evaluations", "6", "--holdout",
                "leave-one-out,leave-one-model-out",
                "--quiet", "--output", output.toString());
        // then
        assertEquals(0, r.exitCode(), r::toString);
        String yaml = Files.readString(output);
        for (String name : List.of("llama-2-7b-tp1-roleplay", "llama-2-70b-tp4-roleplay")) {
            assertTrue(yaml.contains("    \"" + name + "\": {train_loss: "), yaml);
        }
        assertTrue(r.err().contains("leave_one_out (each experiment"), r::toString);
        assertTrue(yaml.contains("leave_one_model_out:\n    \"llama-2-7b-tp1-roleplay\": {group: \"meta-llama/llama-2-7b-hf\""),
                yaml);
        assertTrue(!r.err().contains("eval 1"), "--quiet drops evaluation lines");
    }

    @Test
    void calibrate_badArguments_badInputOrUsage(@TempDir Path dir) throws IOException {
        // given / when / then
        Path trace = cut(dir, "llama2-7b-tp1-roleplay.jsonl", 20);
        String out = dir.resolve("x.yaml").toString();
        CliRunner.Result bad = CliRunner.run(new CalibrateCommand(), trace.toString(), "--config-dir", CONFIG,
                "--fit", "beta99=0:1", "--output", out);
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("beta99"), bad::toString);
        CliRunner.Result holdout = CliRunner.run(new CalibrateCommand(), trace.toString(), "--config-dir", CONFIG,
                "--holdout", "k-fold", "--output", out);
        assertEquals(ExitCodes.BAD_INPUT, holdout.exitCode(), holdout::toString);
        CliRunner.Result missing = CliRunner.run(new CalibrateCommand(), trace.toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
    }
}
