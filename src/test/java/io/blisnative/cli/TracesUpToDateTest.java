package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped traces are exactly what {@code blis-native convert} makes of ../shared/data today, with
 * the arguments listed in traces/SOURCES.tsv (as scripts/regenerate-traces.sh runs them).
 */
class TracesUpToDateTest {

    private static Path projectDir() {
        return Path.of(System.getProperty("blis.project.dir", "."));
    }

    private static Path dataDir() {
        String shared = System.getProperty("blis.shared.dir");
        return shared == null ? null : Path.of(shared, "data");
    }

    static Stream<List<String>> sources() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(projectDir().resolve("traces/SOURCES.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(Arrays.asList(line.split("\t")));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void shippedTrace_freshConversion_byteEqual(List<String> row, @TempDir Path tmp) throws IOException {
        // given a line of SOURCES.tsv and the measured data it converts
        Path data = dataDir();
        Assumptions.assumeTrue(data != null && Files.isDirectory(data), "../shared/data is absent; skipping");
        Path fresh = tmp.resolve(row.get(0));
        List<String> args = new ArrayList<>(List.of(data.resolve(row.get(1)).toString(), "--output", fresh.toString()));
        args.addAll(row.subList(2, row.size()));
        // when it is converted again through the command
        CliRunner.Result result = CliRunner.run(new ConvertCommand(), args.toArray(String[]::new));
        // then the shipped file has the same bytes
        assertEquals(0, result.exitCode(), result.toString());
        Path shipped = projectDir().resolve("traces").resolve(row.get(0));
        assertTrue(Files.exists(shipped), "missing shipped trace " + shipped + "; run scripts/regenerate-traces.sh");
        assertArrayEquals(Files.readAllBytes(shipped), Files.readAllBytes(fresh),
                row.get(0) + " is stale; run scripts/regenerate-traces.sh");
    }

    @Test
    void sources_listEveryShippedTraceOnce() throws IOException {
        // given the traces folder
        List<String> listed = sources().map(r -> r.get(0)).sorted().toList();
        List<String> shipped;
        try (Stream<Path> files = Files.list(projectDir().resolve("traces"))) {
            shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
        }
        // then every shipped trace comes from one SOURCES.tsv line, and llama70b.jsonl is the 70B TP4 general run
        assertEquals(shipped, listed);
        assertTrue(sources().anyMatch(r -> r.get(0).equals("llama70b.jsonl")
                && r.get(1).equals("20260217-202857-llama-2-70b-tp4-general")));
    }
}
