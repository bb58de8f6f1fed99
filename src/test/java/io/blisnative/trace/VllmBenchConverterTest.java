package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VllmBenchConverterTest {

    private static Path resource() throws URISyntaxException {
        return Path.of(VllmBenchConverterTest.class.getResource("/trace/vllm-bench-llama8b.json").toURI());
    }

    @Test
    void convert_detailedResult_oneRequestPerEntryWithMeasurements() throws Exception {
        // given a --save-detailed result of 4 requests, the third failed
        Trace t = TraceConversion.convert(resource(), null, ConvertOptions.defaults());
        // then arrivals are start_times relative to the first, 0.5 s apart
        assertEquals(4, t.requests().size());
        assertEquals(500_000, t.requests().get(1).arrivalUs());
        TraceRequest r0 = t.requests().get(0);
        assertEquals(512, r0.inputTokens());
        assertEquals(4, r0.outputTokens());
        // and TTFT / latency come from ttfts / latencies, chunks = ITL gaps + 1
        assertEquals(41_200, r0.measured().ttftUs());
        assertEquals(71_400, r0.measured().e2eUs());
        assertEquals(4, r0.measured().numChunks());
        TraceRequest failed = t.requests().get(2);
        assertEquals("error", failed.measured().status());
        assertNull(failed.measured().ttftUs());
        assertEquals("meta-llama/Llama-3.1-8B-Instruct", t.header().model());
        assertEquals(2.0, t.header().stages().get(0).rate());
        assertEquals(1_750_000, t.header().stages().get(0).durationUs());
    }

    @Test
    void convert_detailedResult_fileFiguresFirstComputedForTheRest() throws Exception {
        Trace t = TraceConversion.convert(resource(), SourceKind.VLLM_BENCH, ConvertOptions.defaults());
        MeasuredStats all = t.header().measured().overall();
        // the file's own TTFT mean/median/p99 are kept
        assertEquals(3, all.count());
        assertEquals(1, all.failures());
        assertEquals(46.9, all.ttft().meanMs(), 1e-9);
        assertEquals(52.678, all.ttft().p99Ms(), 1e-9);
        // the p90 the file lacks is computed: TTFTs 41.2, 46.7, 52.8 ms -> 46.7 + 0.8 * 6.1 = 51.58
        assertEquals(51.58, all.ttft().p90Ms(), 1e-6);
        // E2E has no file figures (e2el not requested): mean of 71.4, 93.2, 67.4 ms
        assertEquals((71.4 + 93.2 + 67.4) / 3, all.e2e().meanMs(), 1e-6);
        assertEquals(1515.0 / 3, all.promptLenMean(), 1e-9);
        assertEquals(3 / 1.75, all.achievedRate(), 1e-9);
    }

    @Test
    void convert_aggregatesOnly_saysWhichFieldsAreMissing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "{\"model_id\":\"m\",\"request_rate\":\"inf\",\"completed\":10,\"mean_ttft_ms\":12.5}");
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> TraceConversion.convert(f, null, ConvertOptions.defaults()));
        assertTrue(e.getMessage().contains("field 'input_lens, output_lens': per-request fields missing"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--save-detailed"), e.getMessage());
    }

    @Test
    void convert_noStartTimesInfiniteRate_allArriveAtZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("old.json");
        Files.writeString(f, "{\"model_id\":\"m\",\"request_rate\":\"inf\",\"input_lens\":[3,4],\"output_lens\":[2,2],"
                + "\"ttfts\":[0.01,0.02],\"itls\":[[0.005],[0.006]],\"errors\":[\"\",\"\"]}");
        Trace t = TraceConversion.convert(f, null, ConvertOptions.defaults());
        assertEquals(0, t.requests().get(1).arrivalUs());
        assertEquals(15_000, t.requests().get(0).measured().e2eUs());
        assertNull(t.header().stages().get(0).rate());
    }
}
