package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceKindTest {

    @Test
    void detect_shippedSources_recognisesEachKind() {
        Path data = TraceTestData.dataDir();
        assertEquals(SourceKind.INFERENCE_PERF, SourceKind.detect(data.resolve(TraceTestData.LLAMA70B_GENERAL)));
        assertEquals(SourceKind.TRACEV2, SourceKind.detect(data.resolve(TraceTestData.SIM2REAL)));
        assertEquals(SourceKind.TRACEV2, SourceKind.detect(data.resolve("blis-generated-samples/llama8b-roofline.csv")));
        assertEquals(SourceKind.TRACEV2, SourceKind.detect(data.resolve("blis-generated-samples/llama8b-roofline.yaml")));
    }

    @Test
    void detect_jsonOrUnknown_vllmOrClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.json"), "{}");
        Files.writeString(dir.resolve("r.txt"), "x");
        assertEquals(SourceKind.VLLM_BENCH, SourceKind.detect(dir.resolve("r.json")));
        assertThrows(TraceFormatException.class, () -> SourceKind.detect(dir.resolve("r.txt")));
        assertThrows(TraceFormatException.class, () -> SourceKind.detect(dir.resolve("absent")));
        assertEquals(SourceKind.TRACEV2, SourceKind.fromId("tracev2"));
        assertThrows(IllegalArgumentException.class, () -> SourceKind.fromId("csv"));
    }
}
