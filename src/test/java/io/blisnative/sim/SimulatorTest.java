package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.kv.BlockCache;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static int[] tokens(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    @Test
    void run_singleRequest_followsTheTokenTimeline() {
        // given one request (32 prompt tokens, 3 output) and a 10 µs step
        BlockCache kv = new BlockCache(100, 16);
        Simulator sim = new Simulator(SimConfig.defaults(), kv, new FixedStepModel(10, 0));
        // when it runs
        SimResult r = sim.run(List.of(Arrival.of("request_0", 0, tokens(0, 32), tokens(100, 3))).iterator());
        // then prefill ends at 10 µs (first token), two decode steps follow, and it leaves at 30 µs
        assertEquals(1, r.completed());
        assertArrayEquals(new long[] {10}, r.completedTtftUs());
        assertArrayEquals(new long[] {30}, r.completedE2eUs());
        assertEquals(3, r.totalOutputTokens());
        assertEquals(32, r.totalInputTokens());
        assertEquals(30, r.simEndedUs());
        assertArrayEquals(new long[] {10}, r.itlValuesUs());
        assertArrayEquals(new long[] {2}, r.itlCounts());
        assertEquals(0, kv.usedBlocks());
    }

    @Test
    void run_promptLongerThanBudget_prefillsInChunks() {
        // given a 5000-token prompt and a 2048-token budget
        SimConfig config = new SimConfig(256, 2048, 0, 0, QueueOrder.FCFS, PreemptionPolicy.FCFS, Long.MAX_VALUE);
        Simulator sim = new Simulator(config, new BlockCache(1000, 16), new FixedStepModel(100, 0));
        // when it runs
        SimResult r = sim.run(List.of(Arrival.of("request_0", 0, tokens(0, 5000), tokens(9000, 2))).iterator());
        // then prefill takes ceil(5000/2048) = 3 steps before the first token
        assertArrayEquals(new long[] {300}, r.completedTtftUs());
        assertArrayEquals(new long[] {400}, r.completedE2eUs());
    }

    @Test
    void run_kvPressure_preemptsAndStillFinishesEverything() {
        // given a cache too small for all requests' decode growth at once
        BlockCache kv = new BlockCache(40, 16);
        Simulator sim = new Simulator(SimConfig.defaults(), kv, new FixedStepModel(50, 1));
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            arrivals.add(Arrival.of("request_" + i, i * 10L, tokens(i * 1000, 60), tokens(50_000 + i * 1000, 60)));
        }
        // when they run
        SimResult r = sim.run(arrivals.iterator());
        // then preemption happened and every request still completed, leaving no block behind
        assertTrue(r.preemptions() > 0, "expected preemptions, got " + r.preemptions());
        assertEquals(8, r.completed());
        assertEquals(0, kv.usedBlocks());
        kv.verifyConservation();
    }

    @Test
    void run_randomWorkloads_keepTheInvariants() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 30; trial++) {
            // given a random workload, cache and budget
            int n = 1 + random.nextInt(60);
            int blocks = 30 + random.nextInt(400);
            SimConfig config = new SimConfig(1 + random.nextInt(16), 16 + random.nextInt(2048),
                    random.nextInt(3) == 0 ? 64 : 0, 0, QueueOrder.FCFS,
                    random.nextBoolean() ? PreemptionPolicy.FCFS : PreemptionPolicy.PRIORITY, Long.MAX_VALUE);
            BlockCache kv = new BlockCache(blocks, 16);
            List<Arrival> arrivals = new ArrayList<>();
            long t = 0;
            long expectedInput = 0;
            int shared = random.nextInt(64);
            for (int i = 0; i < n; i++) {
                t += random.nextInt(500);
                int in = 1 + random.nextInt(300);
                int[] input = IntStream.range(0, in).map(k -> k < shared ? k : 1_000_000 + k).toArray();
                int[] output = tokens(2_000_000, random.nextInt(80));
                arrivals.add(Arrival.of("request_" + i, t, input, output));
            }
            // when it runs
            SimResult r = new Simulator(config, kv, new FixedStepModel(20, 1)).run(arrivals.iterator());
            // then every request is accounted for, tokens are conserved, and no block leaked
            String where = "trial " + trial;
            assertEquals(n, r.completed() + r.droppedUnservable() + r.timedOut() + r.stillQueued() + r.stillRunning(), where);
            long outputs = 0;
            for (int i = 0; i < r.completedSerial().length; i++) {
                Arrival a = arrivals.get((int) r.completedSerial()[i]);
                outputs += Math.max(a.outputTokens().length, 0);
                assertTrue(r.completedE2eUs()[i] >= r.completedTtftUs()[i], where + " E2E < TTFT");
            }
            for (int i = 0; i < r.completedSerial().length; i++) {
                expectedInput += arrivals.get((int) r.completedSerial()[i]).inputTokens().length;
            }
            // no deadlines and no horizon: every admitted request completes, so all input is theirs
            assertEquals(expectedInput, r.totalInputTokens(), where);
            assertEquals(outputs, r.totalOutputTokens(), where);
            assertEquals(0, kv.usedBlocks(), where);
            kv.verifyConservation();
        }
    }

    @Test
    void run_sameInputsTwice_givesIdenticalResults() {
        // given the same workload run twice on fresh state
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            arrivals.add(Arrival.of("request_" + i, i * 1000L, tokens(i % 5 * 10, 100 + i), tokens(7000, 20 + i)));
        }
        SimResult a = new Simulator(SimConfig.defaults(), new BlockCache(200, 16), new FixedStepModel(30, 2)).run(arrivals.iterator());
        SimResult b = new Simulator(SimConfig.defaults(), new BlockCache(200, 16), new FixedStepModel(30, 2)).run(arrivals.iterator());
        // then every recorded figure matches
        assertArrayEquals(a.completedE2eUs(), b.completedE2eUs());
        assertArrayEquals(a.allTtftUs(), b.allTtftUs());
        assertEquals(a.simEndedUs(), b.simEndedUs());
    }
}
