package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SharedPrefixExpanderTest {

    /** The 70B general profile: stages 8 req/s and 20 req/s for 600 s each. */
    private static final List<TraceStage> STAGES = List.of(new TraceStage(0, 0, 600_000_000L, 8.0),
            new TraceStage(1, 609_737_905L, 600_000_000L, 20.0));
    private static final SharedPrefixPlan RESOLVED = new SharedPrefixPlan(10, 10, 100, 447, 248, false);
    private static final SharedPrefixPlan PROFILE = new SharedPrefixPlan(9, 5, 100, 447, 248, true);

    @Test
    void expand_constantStages_sendRateTimesDurationEndingAtStageEnd() {
        // given the 70B general stages
        // when they are expanded
        List<TraceRequest> rs = SharedPrefixExpander.expand(RESOLVED, STAGES, ArrivalPattern.EXPONENTIAL_NORMALIZED, 42);
        // then stage 0 has 8 x 600 = 4800 requests and stage 1 has 20 x 600 = 12000 (measured load_summary counts),
        // the last of each sent exactly at its stage end, ids in arrival order
        assertEquals(16_800, rs.size());
        assertEquals(4_800, rs.stream().filter(r -> r.stage() == 0).count());
        assertEquals(600_000_000L, rs.get(4_799).arrivalUs());
        assertEquals(1_209_737_905L, rs.get(16_799).arrivalUs());
        assertTrue(rs.get(4_800).arrivalUs() > 609_737_905L);
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(i, rs.get(i).id());
            if (i > 0) {
                assertTrue(rs.get(i).arrivalUs() >= rs.get(i - 1).arrivalUs());
            }
        }
    }

    @Test
    void expand_singleTurn_cyclesEveryPromptEquallyWithWholePromptShared() {
        // given 10 x 10 single-turn prompts of 100 + 447 tokens
        List<TraceRequest> rs = SharedPrefixExpander.expand(RESOLVED, STAGES.subList(0, 1),
                ArrivalPattern.EXPONENTIAL_NORMALIZED, 42);
        // when requests are counted per prompt
        Map<String, Integer> perPrompt = new TreeMap<>();
        rs.forEach(r -> perPrompt.merge(r.prefixGroup(), 1, Integer::sum));
        // then each of the 100 prompts is sent 4800 / 100 = 48 times, the whole 547-token prompt shared,
        // and request n repeats request n - 100
        assertEquals(100, perPrompt.size());
        assertTrue(perPrompt.values().stream().allMatch(c -> c == 48));
        assertEquals(547, rs.get(0).inputTokens());
        assertEquals(547, rs.get(0).prefixTokens());
        assertEquals(248, rs.get(0).outputTokens());
        assertEquals(rs.get(3).prefixGroup(), rs.get(103).prefixGroup());
        assertNull(rs.get(0).session());
    }

    @Test
    void expand_multiTurn_roundRobinUsersWithSystemPromptPrefix() {
        // given the profile's 9 x 5 multi-turn users
        List<TraceRequest> rs = SharedPrefixExpander.expand(PROFILE, STAGES, ArrivalPattern.EXPONENTIAL_NORMALIZED, 42);
        // then request n of a stage is round n / 45 of one user, 45 users per stage, the group's 100-token prefix
        TraceRequest first = rs.get(0);
        TraceRequest again = rs.get(45);
        assertEquals(first.session(), again.session());
        assertEquals(0, first.round());
        assertEquals(1, again.round());
        assertEquals(100, first.prefixTokens());
        int user = Integer.parseInt(first.session().substring(first.session().indexOf("-u") + 2));
        assertEquals("g" + user / 5, first.prefixGroup());
        assertEquals(45, rs.subList(0, 4_800).stream().map(TraceRequest::session).distinct().count());
        assertTrue(rs.get(4_800).session().startsWith("s1-u"));
        assertEquals(0, rs.get(4_800).round());
        assertEquals(106, rs.get(4_799).round()); // 4799 / 45
    }

    @Test
    void expand_sameSeed_sameRequests_otherSeed_otherArrivals() {
        List<TraceRequest> a = SharedPrefixExpander.expand(RESOLVED, STAGES, ArrivalPattern.EXPONENTIAL_NORMALIZED, 42);
        List<TraceRequest> b = SharedPrefixExpander.expand(RESOLVED, STAGES, ArrivalPattern.EXPONENTIAL_NORMALIZED, 42);
        List<TraceRequest> c = SharedPrefixExpander.expand(RESOLVED, STAGES, ArrivalPattern.EXPONENTIAL_NORMALIZED, 7);
        assertEquals(a, b);
        assertNotEquals(a.get(0).arrivalUs(), c.get(0).arrivalUs());
        assertEquals(a.size(), c.size());
    }

    @Test
    void sendOffsetsUs_fixedInterval_everyInverseRate() {
        // given 8 req/s, the fixed pattern sends every 125 ms from the stage start
        long[] t = SharedPrefixExpander.sendOffsetsUs(4, 8.0, 600_000_000L, ArrivalPattern.FIXED_INTERVAL,
                new SplittableRandom(1));
        assertArrayEquals(new long[] {0, 125_000, 250_000, 375_000}, t);
    }

    @Test
    void sendOffsetsUs_exponential_meanGapIsDurationOverCount() {
        // given 4800 normalised exponential gaps over 600 s
        long[] t = SharedPrefixExpander.sendOffsetsUs(4_800, 8.0, 600_000_000L, ArrivalPattern.EXPONENTIAL_NORMALIZED,
                new SplittableRandom(42));
        // then they sum to the duration exactly and the gaps vary like an exponential (cv near 1)
        assertEquals(600_000_000L, t[t.length - 1]);
        double mean = 600_000_000.0 / 4_800;
        double var = 0;
        long prev = 0;
        for (long x : t) {
            var += (x - prev - mean) * (x - prev - mean);
            prev = x;
        }
        double cv = Math.sqrt(var / t.length) / mean;
        assertTrue(cv > 0.9 && cv < 1.1, "cv " + cv);
    }

    @Test
    void requestCount_truncatesLikePython() {
        // int(2.5 * 601) = 1502 in inference-perf
        assertEquals(1502, SharedPrefixExpander.requestCount(new TraceStage(0, 0, 601_000_000L, 2.5)));
    }
}
