package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void ofUs_unsortedInput_sortsACopy() {
        // given µs values out of order
        long[] us = {40, 10, 30, 20};
        // when
        LatencySummary s = LatencySummary.ofUs(us);
        // then the argument is untouched and the figures are those of 10, 20, 30, 40 µs
        assertArrayEquals(new long[] {40, 10, 30, 20}, us);
        assertEquals(4, s.count());
        assertEquals(0.025, s.meanMs(), 1e-12);
        assertEquals(0.025, s.p50Ms(), 1e-12);
        assertEquals(0.037, s.p90Ms(), 1e-12);
        assertEquals(0.0397, s.p99Ms(), 1e-12);
    }

    @Test
    void ofSortedUs_descending_throws() {
        // given / when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencySummary.ofSortedUs(new long[] {2, 1}));
        // then
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
    }

    @Test
    void ofUs_empty_isAllZeroAsInBlis() {
        // given / when / then
        assertEquals(new LatencySummary(0, 0, 0, 0, 0), LatencySummary.ofUs(new long[0]));
    }

    @Test
    void ofSeconds_inferencePerfTpot_convertsToMs() throws Exception {
        // given the measured TPOT distribution of the llama-2-7b general run (seconds)
        String shared = System.getProperty("blis.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "data", "20260217-231439-llama-2-7b-tp1-general",
                "results", "summary_lifecycle_metrics.json");
        assumeTrue(file != null && Files.isRegularFile(file), "measured run not present");
        JsonNode successes = new ObjectMapper().readTree(file.toFile()).path("successes");
        JsonNode tpot = successes.path("latency").path("time_per_output_token");
        // when
        LatencySummary s = LatencySummary.ofSeconds(successes.path("count").asLong(), tpot.path("mean").asDouble(),
                tpot.path("median").asDouble(), tpot.path("p90").asDouble(), tpot.path("p99").asDouble());
        // then the file's 0.007065235235490529 s mean is 7.0652 ms, p99 0.010314928254448026 s is 10.3149 ms
        assertEquals(7.065235235490529, s.meanMs(), 1e-12);
        assertEquals(10.314928254448026, s.p99Ms(), 1e-12);
    }

    @Test
    void formatAndMetricNames_parseCaseInsensitively() {
        // given / when / then
        assertEquals(Format.MARKDOWN, Format.fromName("Markdown"));
        assertEquals(MetricKind.TPOT, MetricKind.fromKey(" TPOT "));
        assertThrows(IllegalArgumentException.class, () -> Format.fromName("xml"));
        assertThrows(IllegalArgumentException.class, () -> MetricKind.fromKey("latency"));
    }
}
