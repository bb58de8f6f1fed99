package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/blis-native gives short commands the C1 compiler alone and keeps C2 for simulations long
 * enough for it to pay (docs/performance.md, "Compiler"). Checked through the launcher's
 * {@code BLIS_LAUNCHER_PRINT} mode, which prints the JVM options and starts nothing.
 */
class LauncherCompilerChoiceTest {

    private static boolean c1Only(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "bin/blis-native"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BLIS_LAUNCHER_PRINT", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().anyMatch("-XX:TieredStopAtLevel=1"::equals);
    }

    @Test
    void shortCommands_runOnC1Only() throws Exception {
        assertTrue(c1Only("--version"));
        assertTrue(c1Only("models"));
        assertTrue(c1Only("replay", "traces/llama70b.jsonl"), "a bundled trace replays in about a second");
        assertTrue(c1Only("run", "--model", "m"), "run's default is 100 requests");
        assertTrue(c1Only("run", "--num-requests", "150000"));
    }

    @Test
    void longSimulations_keepC2(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(21L * 1024 * 1024);
        }
        assertEquals(false, c1Only("replay", big.toString()), "a trace over 20 MiB");
        assertEquals(false, c1Only("replay", dir.toString()), "a folder of unknown size");
        assertEquals(false, c1Only("run", "--num-requests", "1000000"));
        assertEquals(false, c1Only("run", "--num-requests=160000"));
        assertEquals(false, c1Only("run", "--workload-spec", "w.yaml"));
        assertEquals(false, c1Only("calibrate", "traces/llama70b.jsonl"));
        Files.delete(big);
    }
}
