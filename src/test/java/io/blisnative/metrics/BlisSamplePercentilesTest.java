package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BLIS-generated sample traces carry BLIS's simulated first/last chunk times; the E2E and TTFT
 * aggregates BLIS printed for them (expected.json) must come out bit for bit from those columns.
 */
class BlisSamplePercentilesTest {

    private static Path samples() {
        String shared = System.getProperty("blis.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "data", "blis-generated-samples");
        assumeTrue(dir != null && Files.isDirectory(dir), "shared/data/blis-generated-samples not present");
        return dir;
    }

    @Test
    void ofUs_llama8bSampleE2eAndTtft_matchBlisPrintedFiguresExactly() throws IOException {
        // given the llama8b trace and the metrics BLIS printed for it
        Path dir = samples();
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile())
                .path("llama8b-roofline").path("blis_replay_metrics");
        List<String> lines = Files.readAllLines(dir.resolve("llama8b-roofline.csv"));
        // when E2E = last chunk − arrival and TTFT = first chunk − arrival are summarised
        LatencySummary e2e = LatencySummary.ofUs(column(lines, "last_chunk_time_us"));
        LatencySummary ttft = LatencySummary.ofUs(column(lines, "first_chunk_time_us"));
        // then every figure is identical to BLIS's (relative tolerance 0)
        assertEquals(expected.path("completed_requests").asLong(), e2e.count());
        assertEquals(expected.path("e2e_mean_ms").asDouble(), e2e.meanMs(), 0.0);
        assertEquals(expected.path("e2e_p90_ms").asDouble(), e2e.p90Ms(), 0.0);
        assertEquals(expected.path("e2e_p99_ms").asDouble(), e2e.p99Ms(), 0.0);
        assertEquals(expected.path("ttft_mean_ms").asDouble(), ttft.meanMs(), 0.0);
        assertEquals(expected.path("ttft_p90_ms").asDouble(), ttft.p90Ms(), 0.0);
        assertEquals(expected.path("ttft_p99_ms").asDouble(), ttft.p99Ms(), 0.0);
    }

    @Test
    void streamingRecorder_llama8bSampleE2e_staysWithinDocumentedBound() throws IOException {
        // given the same E2E values
        List<String> lines = Files.readAllLines(samples().resolve("llama8b-roofline.csv"));
        long[] e2eUs = column(lines, "last_chunk_time_us");
        LatencySummary exact = LatencySummary.ofUs(e2eUs);
        // when they are streamed through the HdrHistogram recorder
        StreamingLatencyRecorder rec = new StreamingLatencyRecorder();
        Arrays.stream(e2eUs).forEach(rec::record);
        LatencySummary approx = rec.summary();
        // then each percentile is within 1/2048 of the exact figure and the mean agrees to rounding
        assertEquals(exact.count(), approx.count());
        assertEquals(exact.meanMs(), approx.meanMs(), exact.meanMs() * 1e-12);
        assertEquals(exact.p50Ms(), approx.p50Ms(), exact.p50Ms() / 2048);
        assertEquals(exact.p90Ms(), approx.p90Ms(), exact.p90Ms() / 2048);
        assertEquals(exact.p99Ms(), approx.p99Ms(), exact.p99Ms() / 2048);
    }

    private static long[] column(List<String> lines, String endColumn) {
        List<String> header = List.of(lines.get(0).split(",", -1));
        int arrival = header.indexOf("arrival_time_us");
        int end = header.indexOf(endColumn);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                .mapToLong(f -> Long.parseLong(f[end]) - Long.parseLong(f[arrival])).toArray();
    }
}
