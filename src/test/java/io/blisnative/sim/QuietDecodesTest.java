package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.kv.BlockCache;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Quiet decoding ({@link QuietDecodes}) must not change a single figure: every run here goes once
 * with it (a latency model that prices decodes in aggregate) and once without (the same model
 * declining to), over workloads built to reach every place a quiet request must be caught up or
 * the whole batch scheduled in full: token-budget cut-offs, preemption (FCFS and priority),
 * deadlines, max_model_len caps, horizons, async scheduling and shared prefixes.
 */
class QuietDecodesTest {

    /** Integer-valued step price from token counts and context sums, as the real aggregate models use. */
    private static final class ContextModel implements LatencyModel {
        private final boolean aggregate;
        int mostAggregated;

        ContextModel(boolean aggregate) {
            this.aggregate = aggregate;
        }

        @Override
        public long stepTimeUs(StepBatch batch) {
            long tokens = batch.aggregateDecodes();
            long context = batch.aggregateDecodeProgress();
            for (int i = 0; i < batch.size(); i++) {
                tokens += batch.newTokens(i);
                context += batch.progress(i);
            }
            mostAggregated = Math.max(mostAggregated, batch.aggregateDecodes());
            return 40 + 3 * tokens + context / 64 + 2L * batch.requests();
        }

        @Override
        public boolean pricesAggregateDecodes() {
            return aggregate;
        }

        @Override
        public long queueingTimeUs(int inputLength) {
            return 5;
        }

        @Override
        public long outputTokenProcessingTimeUs() {
            return 7;
        }

        @Override
        public long postDecodeFixedOverheadUs() {
            return 11;
        }

        @Override
        public long firstTokenDeliveryUs(int batchSize) {
            return 3L * batchSize;
        }
    }

    private static final String[] SLO_CLASSES = {"", "critical", "batch", "sheddable", "background"};

    /** How a trial draws its workload and server. */
    private record Profile(int maxGapUs, int maxInput, int minOutput, int maxOutput, int maxSeqs, int maxBudget,
            int thresholdOneIn) {
        /** Everything varies: budgets from tiny to ample, short and long requests, sparse and dense arrivals. */
        static final Profile BROAD = new Profile(3000, 400, 0, 150, 40, 2048, 3);
        /** Many requests decoding at once against a budget smaller than the batch, prompts chunked. */
        static final Profile TIGHT_BUDGET = new Profile(300, 200, 20, 150, 64, 40, 2);
    }

    private static List<Arrival> workload(SplittableRandom random, Profile p, int n, int maxTokens) {
        List<Arrival> arrivals = new ArrayList<>();
        long t = 0;
        int shared = random.nextInt(80);
        for (int i = 0; i < n; i++) {
            t += random.nextInt(random.nextBoolean() ? Math.min(200, p.maxGapUs()) : p.maxGapUs());
            int in = 1 + random.nextInt(Math.min(p.maxInput(), maxTokens - 1));
            int base = 1_000_000 * (i + 1);
            int[] input = IntStream.range(0, in).map(k -> k < shared ? k : base + k).toArray();
            int maxOut = Math.min(p.maxOutput(), maxTokens - in);
            int out = Math.min(maxOut, p.minOutput() + random.nextInt(maxOut + 1));
            int[] output = IntStream.range(0, out).map(k -> base + 500_000 + k).toArray();
            long deadline = random.nextInt(4) == 0 ? t + 1 + random.nextInt(40_000) : 0;
            arrivals.add(new Arrival("request_" + i, t, input, output, 0, deadline,
                    SLO_CLASSES[random.nextInt(SLO_CLASSES.length)], "", 0));
        }
        return arrivals;
    }

    private static SimConfig config(SplittableRandom random, Profile p) {
        QueueOrder[] orders = QueueOrder.values();
        int budget = p.maxBudget() > 64 ? 8 + random.nextInt(random.nextBoolean() ? 64 : p.maxBudget())
                : 4 + random.nextInt(p.maxBudget());
        SimConfig c = new SimConfig(1 + random.nextInt(p.maxSeqs()), budget,
                random.nextInt(p.thresholdOneIn()) == 0 ? 4 + random.nextInt(64) : 0,
                random.nextInt(3) == 0 ? 150 + random.nextInt(400) : 0,
                orders[random.nextInt(orders.length)],
                random.nextBoolean() ? PreemptionPolicy.FCFS : PreemptionPolicy.PRIORITY,
                random.nextInt(4) == 0 ? 20_000 + random.nextInt(200_000) : Long.MAX_VALUE);
        return c.withAsyncScheduling(random.nextInt(3) == 0);
    }

    @Test
    void run_withAndWithoutQuietDecodes_givesIdenticalResults() {
        assertQuietMatchesPerStep(Profile.BROAD, 20261123, 400);
    }

    @Test
    void run_tightTokenBudget_givesIdenticalResults() {
        assertQuietMatchesPerStep(Profile.TIGHT_BUDGET, 20261124, 300);
    }

    private static void assertQuietMatchesPerStep(Profile profile, long seed, int trials) {
        SplittableRandom random = new SplittableRandom(seed);
        int aggregatedRuns = 0;
        for (int trial = 0; trial < trials; trial++) {
            // given a random workload, server and cache
            SimConfig config = config(random, profile);
            int blockSize = new int[] {1, 2, 4, 16, 32}[random.nextInt(5)];
            int blocks = 20 + random.nextInt(600);
            // every request fits the cache alone (one that does not preempts itself forever, in BLIS too)
            List<Arrival> arrivals = workload(random, profile, 1 + random.nextInt(80), (blocks - 1) * blockSize);
            ContextModel quiet = new ContextModel(true);
            BlockCache quietKv = new BlockCache(blocks, blockSize);
            BlockCache eagerKv = new BlockCache(blocks, blockSize);
            // when it runs with and without quiet decoding
            SimResult withQuiet = new Simulator(config, quietKv, quiet).run(arrivals.iterator());
            SimResult perStep = new Simulator(config, eagerKv, new ContextModel(false)).run(arrivals.iterator());
            // then every figure matches, and the caches end in the same state
            String where = "trial " + trial + " " + config + " blocks " + blocks + "x" + blockSize;
            assertSameResult(perStep, withQuiet, where);
            assertEquals(eagerKv.usedBlocks(), quietKv.usedBlocks(), where);
            assertEquals(eagerKv.cacheHitRate(), quietKv.cacheHitRate(), where);
            if (config.horizonUs() == Long.MAX_VALUE) {
                quietKv.verifyConservation();
            }
            if (quiet.mostAggregated > 0) {
                aggregatedRuns++;
            }
        }
        // and the quiet path really ran (a test of nothing would pass too)
        assertTrue(aggregatedRuns > trials / 2, "quiet decoding engaged in only " + aggregatedRuns + " of " + trials);
    }

    @Test
    void run_budgetSpentExactlyEveryStep_givesIdenticalResults() {
        // given a long prompt prefilled 16 tokens a step at the head of the batch and twenty short
        // requests behind it, against a budget of 24: each step the chunk and eight decodes spend
        // the budget to the token, so the room check sits on its boundary step after step
        List<Arrival> arrivals = new ArrayList<>();
        arrivals.add(Arrival.of("long", 0, IntStream.range(0, 4000).toArray(), new int[10]));
        for (int i = 0; i < 20; i++) {
            int base = 100_000 * (i + 1);
            arrivals.add(Arrival.of("short_" + i, 1 + i, IntStream.range(0, 4).map(k -> base + k).toArray(),
                    IntStream.range(0, 120).map(k -> base + 50 + k).toArray()));
        }
        SimConfig config = new SimConfig(64, 24, 16, 0, QueueOrder.FCFS, PreemptionPolicy.FCFS, Long.MAX_VALUE);
        ContextModel model = new ContextModel(true);
        // when it runs with and without quiet decoding
        SimResult withQuiet = new Simulator(config, new BlockCache(400, 16), model).run(arrivals.iterator());
        SimResult perStep = new Simulator(config, new BlockCache(400, 16), new ContextModel(false))
                .run(arrivals.iterator());
        // then every figure matches, and requests were priced in aggregate
        assertSameResult(perStep, withQuiet, "budget spent exactly");
        assertEquals(21, withQuiet.completed());
        assertTrue(model.mostAggregated > 0, "never aggregated");
    }

    @Test
    void run_steadyDecode_pricesMostRequestsInAggregate() {
        // given 16 long decodes that all fit at once
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int base = 1000 * (i + 1);
            arrivals.add(Arrival.of("request_" + i, 0, IntStream.range(0, 64).map(k -> k + base).toArray(),
                    new int[300]));
        }
        ContextModel model = new ContextModel(true);
        // when it runs
        SimResult r = new Simulator(SimConfig.defaults(), new BlockCache(1000, 16), model).run(arrivals.iterator());
        // then all complete, and in some step at least 12 of the 16 were only counted (each is seen
        // about twice per 16 tokens: when it fills a block and when it takes the next)
        assertEquals(16, r.completed());
        assertTrue(model.mostAggregated >= 12, "most aggregated in one step: " + model.mostAggregated);
    }

    private static void assertSameResult(SimResult expected, SimResult actual, String where) {
        for (RecordComponent c : SimResult.class.getRecordComponents()) {
            try {
                Object e = c.getAccessor().invoke(expected);
                Object a = c.getAccessor().invoke(actual);
                if (e instanceof long[] el) {
                    assertArrayEquals(el, (long[]) a, where + ": " + c.getName());
                } else {
                    assertEquals(e, a, where + ": " + c.getName());
                }
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
        }
    }
}
