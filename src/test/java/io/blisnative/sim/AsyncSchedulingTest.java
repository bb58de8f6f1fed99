package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blisnative.kv.BlockCache;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** vLLM's async scheduling (the next batch is formed while a step runs) and first-token delivery time. */
class AsyncSchedulingTest {

    private static int[] tokens(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    /** A at 0 (5 output tokens), B at 150 µs while A's second step [100, 200) runs; 100 µs steps. */
    private static SimResult run(boolean async, LatencyModel model) {
        SimConfig config = SimConfig.defaults().withAsyncScheduling(async);
        Simulator sim = new Simulator(config, new BlockCache(100, 16), model);
        return sim.run(List.of(
                Arrival.of("request_0", 0, tokens(0, 32), tokens(100, 5)),
                Arrival.of("request_1", 150, tokens(200, 32), tokens(300, 2)),
                Arrival.of("request_2", 10_000, tokens(400, 32), tokens(500, 2))).iterator());
    }

    @Test
    void run_arrivalDuringAStep_joinsTheBatchAfterNextWhenAsync() {
        // given / when
        SimResult sync = run(false, new FixedStepModel(100, 0));
        SimResult async = run(true, new FixedStepModel(100, 0));
        // then synchronous: B is prefilled in the step starting at 200 (TTFT 300 - 150);
        // async: the batch for [200, 300) was formed at 100, so B is prefilled in [300, 400) (TTFT 250).
        // A and C reach an idle server and are scheduled at once in both modes (TTFT 100).
        assertArrayEquals(new long[] {100, 150, 100}, sortedBySerial(sync));
        assertArrayEquals(new long[] {100, 250, 100}, sortedBySerial(async));
        assertEquals(3, async.completed());
    }

    @Test
    void run_firstTokenDelivery_addsToTtftAndE2eNotToGaps() {
        // given a model whose first token reaches the client 7 µs per running request after its step
        LatencyModel delivered = new StepOnlyModel(new FixedStepModel(10, 0)::stepTimeUs) {
            @Override
            public long firstTokenDeliveryUs(int batchSize) {
                return 7L * batchSize;
            }
        };
        Simulator sim = new Simulator(SimConfig.defaults(), new BlockCache(100, 16), delivered);
        // when one request (3 output tokens) runs alone
        SimResult r = sim.run(List.of(Arrival.of("request_0", 0, tokens(0, 32), tokens(100, 3))).iterator());
        // then TTFT 10 + 7, E2E 30 + 7, the inter-token gaps stay 10 µs and the run still ends at 30 µs
        assertArrayEquals(new long[] {17}, r.completedTtftUs());
        assertArrayEquals(new long[] {37}, r.completedE2eUs());
        assertArrayEquals(new long[] {10}, r.itlValuesUs());
        assertEquals(30, r.simEndedUs());
    }

    private static long[] sortedBySerial(SimResult r) {
        long[] serials = r.completedSerial();
        long[] ttft = r.completedTtftUs();
        long[] out = new long[serials.length];
        for (int i = 0; i < serials.length; i++) {
            out[(int) serials[i]] = ttft[i];
        }
        return out;
    }
}
