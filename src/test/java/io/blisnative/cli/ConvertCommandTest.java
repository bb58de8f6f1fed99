package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertCommandTest {

    /** Exit code, stdout and stderr of one run. */
    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ConvertCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String vllmResult() throws URISyntaxException {
        return Path.of(ConvertCommandTest.class.getResource("/trace/vllm-bench-llama8b.json").toURI()).toString();
    }

    @Test
    void convert_noOutput_writesTraceToStdout() throws Exception {
        // when a vLLM result is converted without --output
        Result r = run(vllmResult(), "--tp", "2");
        // then stdout holds the header and 4 request lines, with the override applied
        assertEquals(0, r.exit(), r.err());
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
        Result r = run(src.toString(), "--output", out.toString());
        // then exit 3, one stderr line naming file and fields, and the old output untouched
        assertEquals(3, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("agg.json: field 'input_lens, output_lens'"), r.err());
        assertEquals("previous", Files.readString(out));
    }

    @Test
    void convert_usageErrors_exit2(@TempDir Path dir) throws Exception {
        assertEquals(2, run(vllmResult(), "--from", "excel").exit());
        assertEquals(2, run(vllmResult(), "--arrivals", "bursty").exit());
        assertEquals(2, run().exit());
        Result badValue = run(vllmResult(), "--tp", "0");
        assertEquals(2, badValue.exit());
        assertTrue(badValue.err().contains("tp must be >= 1"), badValue.err());
    }

    @Test
    void convert_outputFile_writtenWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/t.jsonl");
        Result r = run(vllmResult(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, Files.readAllLines(out).size());
        assertTrue(r.err().startsWith("wrote 4 requests to "), r.err());
    }
}
