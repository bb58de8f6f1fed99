package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.kv.BlockCache;
import io.blisnative.sim.Arrival;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.SimConfig;
import io.blisnative.sim.SimResult;
import io.blisnative.sim.Simulator;
import io.blisnative.sim.StepOnlyModel;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class ChainedArrivalsTest {
    /** 400 requests sharing a 48-token prefix, so prefix-cache hits and block recycling both happen. */
    private static final DistributionParams PARAMS = new DistributionParams(42, 50, 400, 48, 64, 16, 2, 200, 32, 8, 2,
            100, 0);

    /** A step costs 2 ms plus 10 µs per token: enough load to queue and fill the cache. */
    private static LatencyModel model() {
        return new StepOnlyModel(batch -> {
            long tokens = 0;
            for (int i = 0; i < batch.size(); i++) {
                tokens += batch.isPrefill(i) ? batch.newTokens(i) : 1;
            }
            return 2000 + 10 * tokens;
        });
    }

    private static SimResult simulate(Iterator<Arrival> arrivals) {
        return new Simulator(SimConfig.defaults(), new BlockCache(300, 16), model()).run(arrivals);
    }

    @Test
    void run_chainsComputedAhead_sameResultAsHashingInTheSimulator() {
        // given the same workload plain and with block chains attached
        SimResult plain = simulate(new DistributionWorkload(PARAMS).iterator());
        // when
        SimResult chained = simulate(new PrefetchingIterator<>(
                new ChainedArrivals(new DistributionWorkload(PARAMS).iterator(), 16), "test-chains"));
        // then
        assertTrue(plain.cacheHitRate() > 0, "the workload should hit the prefix cache");
        assertEquals(plain.completed(), chained.completed());
        assertEquals(plain.cacheHitRate(), chained.cacheHitRate());
        assertEquals(plain.preemptions(), chained.preemptions());
        assertEquals(plain.simEndedUs(), chained.simEndedUs());
        assertArrayEquals(plain.completedTtftUs(), chained.completedTtftUs());
        assertArrayEquals(plain.completedE2eUs(), chained.completedE2eUs());
        assertArrayEquals(plain.itlCounts(), chained.itlCounts());
    }

    @Test
    void next_anyArrival_carriesTheChainOfItsTokens() {
        // given
        Iterator<Arrival> it = new ChainedArrivals(new DistributionWorkload(PARAMS).iterator(), 32);
        // when
        Arrival a = it.next();
        // then
        assertEquals(32, a.blockChain().blockSize());
        assertEquals((a.inputTokens().length + a.outputTokens().length) / 32, a.blockChain().hashes().length);
        assertThrows(IllegalArgumentException.class, () -> new ChainedArrivals(it, 0));
    }
}
