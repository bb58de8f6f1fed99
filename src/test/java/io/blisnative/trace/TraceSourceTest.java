package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceSourceTest {

    private static List<TraceRequest> rows(TraceReader reader) {
        List<TraceRequest> rows = new ArrayList<>();
        reader.iterator().forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void open_foreignSources_readAsTheFileConvertWritesWithDefaults(@TempDir Path dir) {
        Path data = TraceTestData.dataDir();
        for (Path source : List.of(data.resolve(TraceTestData.LLAMA70B_GENERAL),
                data.resolve("blis-generated-samples/llama8b-roofline.yaml"),
                data.resolve("blis-generated-samples/llama8b-roofline.csv"))) {
            // given the trace file convert writes for the source with no options
            Path file = dir.resolve(source.getFileName() + ".jsonl");
            TraceFiles.writeAtomically(TraceConversion.convert(source, null, ConvertOptions.defaults()), file);
            // when the source itself is opened
            try (TraceReader expected = TraceReader.open(file);
                    TraceReader reader = TraceSource.open(source.toString(), null)) {
                // then header and rows are that file's
                assertEquals(expected.header(), reader.header(), source.toString());
                assertEquals(rows(expected), rows(reader), source.toString());
            }
        }
    }

    @Test
    void isForeign_canonicalTraceUnderAnyName_readAsIs(@TempDir Path dir) throws IOException {
        Path shipped = TraceTestData.projectDir().resolve("traces/llama70b.jsonl");
        Path asJson = dir.resolve("trace.json");
        Files.copy(shipped, asJson);
        assertFalse(TraceSource.isForeign(shipped));
        assertFalse(TraceSource.isForeign(asJson));
        assertFalse(TraceSource.isForeign(dir.resolve("absent.csv")));
        assertTrue(TraceSource.isForeign(dir));
        try (TraceReader reader = TraceSource.open(asJson.toString(), null)) {
            assertEquals("llama-2-70b-tp4-general", reader.header().name());
        }
    }

    @Test
    void open_stdinOrBrokenSource_canonicalReaderOrConverterErrorNamingTheFile(@TempDir Path dir)
            throws IOException {
        byte[] trace = Files.readAllBytes(TraceTestData.projectDir().resolve("traces/llama70b.jsonl"));
        try (TraceReader reader = TraceSource.open("-", new ByteArrayInputStream(trace))) {
            assertEquals("llama-2-70b-tp4-general", reader.header().name());
        }
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "not,a,tracev2\n1,2,3\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceSource.open(csv.toString(), null));
        assertTrue(e.getMessage().startsWith(csv.toString()), e.getMessage());
    }
}
