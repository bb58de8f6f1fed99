package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blisnative.sim.Arrival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Per-request figures marked "Go" were printed by a Go 1.19.8 program of ours that replays
 * BLIS's testGenerateRequests draw order on {@code rand.New(rand.NewSource(seed))}.
 */
class DistributionWorkloadTest {

    /** goldendataset.json case 0: llama-3.1-8b, seed 42, 300 requests at 10 req/s. */
    private static final DistributionParams CASE0 =
            DistributionParams.of(42, 10, 300, 284, 70, 35, 2, 200, 215, 80, 1, 512);

    @Test
    void generate_goldenCase0_totalsMatchGoldenDataset() {
        // given
        DistributionWorkload workload = new DistributionWorkload(CASE0);
        // when
        long in = 0;
        long out = 0;
        int count = 0;
        for (Arrival a : workload) {
            in += a.inputTokens().length;
            out += a.outputTokens().length;
            count++;
        }
        // then: goldendataset.json case 0 total_input_tokens / total_output_tokens
        assertEquals(300, count);
        assertEquals(106250, in);
        assertEquals(65040, out);
    }

    @Test
    void generate_goldenCase0_firstRequestsMatchGo() {
        // given
        List<Arrival> all = new DistributionWorkload(CASE0).toList();
        // when
        Arrival r0 = all.get(0);
        Arrival r1 = all.get(1);
        Arrival r2 = all.get(2);
        // then: lengths, arrivals and first prompt token from Go; prefix = first Intn draws of seed 42
        assertEquals("request_0", r0.id());
        assertEquals(0, r0.arrivalUs());
        assertEquals(99999, r1.arrivalUs());
        assertEquals(199998, r2.arrivalUs());
        assertEquals(29899701, all.get(299).arrivalUs());
        assertArrayEquals(new int[] {414, 381, 354},
                new int[] {r0.inputTokens().length, r1.inputTokens().length, r2.inputTokens().length});
        assertArrayEquals(new int[] {212, 246, 53},
                new int[] {r0.outputTokens().length, r1.outputTokens().length, r2.outputTokens().length});
        assertArrayEquals(new int[] {127751, 86897, 53976},
                new int[] {r0.inputTokens()[284], r1.inputTokens()[284], r2.inputTokens()[284]});
        assertArrayEquals(new int[] {48305, 38987, 1668, 50750, 19423}, Arrays.copyOf(r0.inputTokens(), 5));
        assertArrayEquals(Arrays.copyOf(r0.inputTokens(), 284), Arrays.copyOf(r2.inputTokens(), 284));
        assertEquals(0, r0.maxOutputLen());
        assertEquals(0, r0.deadlineUs());
    }

    @Test
    void generate_goldenCase0_allTokenIdsMatchGoChecksum() {
        // given
        DistributionWorkload workload = new DistributionWorkload(CASE0);
        // when: sum of every prompt (after the prefix) and output token id
        long sum = 0;
        for (Arrival a : workload) {
            for (int i = 284; i < a.inputTokens().length; i++) {
                sum += a.inputTokens()[i];
            }
            for (int t : a.outputTokens()) {
                sum += t;
            }
        }
        // then
        assertEquals(5527185677L, sum);
    }

    @Test
    void generate_allGoldenCases_totalsMatchGoldenDataset() throws IOException {
        // given
        JsonNode tests = readGoldenDataset().get("tests");
        assertEquals(5, tests.size());
        for (JsonNode c : tests) {
            DistributionParams p = DistributionParams.of(c.get("seed").asLong(), c.get("rate").asDouble(),
                    c.get("num-requests").asInt(), c.get("prefix_tokens").asInt(),
                    c.get("prompt_tokens").asInt(), c.get("prompt_tokens_stdev").asInt(),
                    c.get("prompt_tokens_min").asInt(), c.get("prompt_tokens_max").asInt(),
                    c.get("output_tokens").asInt(), c.get("output_tokens_stdev").asInt(),
                    c.get("output_tokens_min").asInt(), c.get("output_tokens_max").asInt());
            // when
            long in = 0;
            long out = 0;
            int longest = 0;
            for (Arrival a : new DistributionWorkload(p)) {
                in += a.inputTokens().length;
                out += a.outputTokens().length;
                longest = Math.max(longest, a.inputTokens().length + a.outputTokens().length);
            }
            // then: every request fits max-model-len, so all complete with their full output
            JsonNode m = c.get("metrics");
            String name = c.get("model").asText();
            assertTrue(longest <= c.get("max-model-len").asInt(), name);
            assertEquals(m.get("total_input_tokens").asLong(), in, name);
            assertEquals(m.get("total_output_tokens").asLong(), out, name);
        }
    }

    @Test
    void generate_fixedLengths_drawNoNormalsAndFollowTokenOrder() {
        // given: min == max on both lengths, so only token ids are drawn (seed 7 Intn sequence from Go)
        DistributionParams p = DistributionParams.of(7, 3, 4, 2, 5, 0, 5, 5, 3, 0, 3, 3);
        // when
        List<Arrival> all = new DistributionWorkload(p).toList();
        // then
        assertEquals(333333, p.interArrivalUs());
        assertArrayEquals(new int[] {57886, 5870, 103853, 60863, 57412, 11508, 94272}, all.get(0).inputTokens());
        assertArrayEquals(new int[] {32102, 64952, 33596}, all.get(0).outputTokens());
        assertArrayEquals(new int[] {57886, 5870, 102268, 83281, 120570, 114930, 105591}, all.get(1).inputTokens());
        assertArrayEquals(new int[] {28120, 92912, 28462}, all.get(1).outputTokens());
        assertEquals(999999, all.get(3).arrivalUs());
    }

    @Test
    void generate_withTimeout_deadlineIsArrivalPlusTimeout() {
        // given: BLIS run's default --timeout 300 s
        DistributionParams p = CASE0.withTimeoutUs(300_000_000L);
        // when
        List<Arrival> all = new DistributionWorkload(p).toList();
        // then
        assertEquals(300_000_000L, all.get(0).deadlineUs());
        assertEquals(99999 + 300_000_000L, all.get(1).deadlineUs());
    }

    @Test
    void iterator_exhausted_throwsAndRestartsPerIterator() {
        // given
        DistributionWorkload workload =
                new DistributionWorkload(DistributionParams.of(1, 10, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1));
        Iterator<Arrival> it = workload.iterator();
        // when
        Arrival first = it.next();
        // then
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertArrayEquals(first.inputTokens(), workload.iterator().next().inputTokens());
    }

    @Test
    void iterator_millionRequests_streamsWithoutList() {
        // given
        DistributionWorkload workload =
                new DistributionWorkload(DistributionParams.of(42, 10, 1_000_000, 0, 1, 0, 1, 1, 1, 0, 1, 1));
        // when
        long lastArrival = -1;
        int count = 0;
        for (Arrival a : workload) {
            lastArrival = a.arrivalUs();
            count++;
        }
        // then
        assertEquals(1_000_000, count);
        assertEquals(999_999L * 99999, lastArrival);
    }

    @Test
    void roundHalfAwayFromZero_halves_roundLikeGo() {
        assertEquals(3.0, DistributionWorkload.roundHalfAwayFromZero(2.5), 0.0);
        assertEquals(-3.0, DistributionWorkload.roundHalfAwayFromZero(-2.5), 0.0);
        assertEquals(0.0, DistributionWorkload.roundHalfAwayFromZero(0.49999999999999994), 0.0);
        assertEquals(2.0, DistributionWorkload.roundHalfAwayFromZero(2.4999), 0.0);
    }

    @Test
    void params_invalid_throwNamingField() {
        assertMessage("rate", () -> DistributionParams.of(1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1));
        assertMessage("rate", () -> DistributionParams.of(1, Double.NaN, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1));
        assertMessage("numRequests", () -> DistributionParams.of(1, 1, -1, 0, 1, 0, 1, 1, 1, 0, 1, 1));
        assertMessage("prefixTokens", () -> DistributionParams.of(1, 1, 1, -1, 1, 0, 1, 1, 1, 0, 1, 1));
        assertMessage("promptMin", () -> DistributionParams.of(1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1));
        assertMessage("promptMax", () -> DistributionParams.of(1, 1, 1, 0, 1, 0, 2, 1, 1, 0, 1, 1));
        assertMessage("outputStdev", () -> DistributionParams.of(1, 1, 1, 0, 1, 0, 1, 1, 1, -1, 1, 1));
        assertMessage("outputMean", () -> DistributionParams.of(1, 1, 1, 0, 1, 0, 1, 1, 9, 0, 1, 5));
        assertMessage("timeoutUs", () -> CASE0.withTimeoutUs(-1));
        assertMessage("overflows", () -> DistributionParams.of(1, 1e-12, 100, 0, 1, 0, 1, 1, 1, 0, 1, 1));
    }

    private static void assertMessage(String fragment, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static JsonNode readGoldenDataset() throws IOException {
        String shared = System.getProperty("blis.shared.dir");
        Path file = shared == null ? null
                : Path.of(shared, "blis-reference", "testdata", "goldendataset.json");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "BLIS reference data not found (blis.shared.dir=" + shared + ")");
        return new ObjectMapper().readTree(file.toFile());
    }
}
