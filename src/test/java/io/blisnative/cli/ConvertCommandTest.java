package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(new ConvertCommand(), args);
    }

    private static String vllmResult() throws URISyntaxException {
        return Path.of(ConvertCommandTest.class.getResource("/trace/vllm-bench-llama8b.json").toURI()).toString();
    }

    @Test
    void convert_noOutput_writesTraceToStdout() throws Exception {
        // when a vLLM result is converted without --output
        CliRunner.Result r = run(vllmResult(), "--tp", "2");
        // then stdout holds the header and 4 request lines, with the override applied
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].contains("\"tp\":2"), lines[0]);
        assertTrue(lines[0].contains("set by convert options: tp=2"), lines[0]);
    }

    @Test
    void convert_sameInputTwice_sameBytes() throws Exception {
        assertEquals(run(vllmResult()).out(), run(vllmResult(), "--output", "-").out());
    }

    @Test
    void convert_malformedSource_exit3WithOneLineNamingFileAndField(@TempDir Path dir) throws IOException {
        // given an existing output and a result file with only aggregates
        Path src = dir.resolve("agg.json");
        Files.writeString(src, "{\"model_id\":\"m\",\"completed\":3}");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "previous");
        // when converted
        CliRunner.Result r = run(src.toString(), "--output", out.toString());
        // then exit 3, one stderr line naming file and fields, and the old output untouched
        assertEquals(3, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("blis-native: "), r.err());
        assertTrue(r.err().contains("agg.json: field 'input_lens, output_lens'"), r.err());
        assertEquals("previous", Files.readString(out));
    }

    @Test
    void convert_usageErrors_exit2() throws Exception {
        assertEquals(2, run(vllmResult(), "--from", "excel").exitCode());
        assertEquals(2, run(vllmResult(), "--arrivals", "bursty").exitCode());
        assertEquals(2, run().exitCode());
    }

    @Test
    void convert_outOfRangeOptionValue_exit3NamingTheField() throws Exception {
        CliRunner.Result badValue = run(vllmResult(), "--tp", "0");
        assertEquals(3, badValue.exitCode(), badValue.toString());
        assertEquals("blis-native: error: tp must be >= 1, got 0", badValue.err().strip());
    }

    @Test
    void convert_outputFile_writtenWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/t.jsonl");
        CliRunner.Result r = run(vllmResult(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(5, Files.readAllLines(out).size());
        assertTrue(r.err().startsWith("wrote 4 requests to "), r.err());
    }
}
