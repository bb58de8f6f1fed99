package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected figures come from BLIS f90a1e3's samplers run by a Go harness on the same seeds. */
class ArrivalSamplersTest {

    @Test
    void poisson_seed42_matchesBlisGaps() {
        // given BLIS's Poisson sampler at 2.5 req/s shared by 45 clients, seed 42
        PoissonArrivals p = new PoissonArrivals(2.5 / 45 / 1e6);
        GoRandom rng = new GoRandom(42);
        // when five gaps are drawn
        long[] gaps = new long[5];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = p.nextIatUs(rng);
        }
        // then they are BLIS's, ExpFloat64 / rate truncated to µs
        assertArrayEquals(new long[] {8923291, 2349849, 2758202, 6092034, 2087356}, gaps);
    }

    @Test
    void poisson_rateAboveOnePerMicrosecond_gapFloorsAtOne() {
        // given 10 requests per µs / when / then the gap is never below 1 µs
        assertEquals(1, new PoissonArrivals(10).nextIatUs(new GoRandom(1)));
    }

    @Test
    void normalizedExponential_seed7_spansTheDurationThenSignalsExhaustion() {
        // given 6 gaps over 1 s drawn from seed 7
        NormalizedExponentialArrivals s = new NormalizedExponentialArrivals(new GoRandom(7), 6, 1_000_000);
        // when drawn 7 times
        long[] gaps = new long[7];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = s.nextIatUs(null);
        }
        // then BLIS's gaps (summing to 999 997 µs after truncation), then 0
        assertArrayEquals(new long[] {157691, 152979, 56147, 285907, 235890, 111383, 0}, gaps);
    }

    @Test
    void normalizedExponential_invalidArguments_rejected() {
        GoRandom rng = new GoRandom(1);
        assertThrows(IllegalArgumentException.class, () -> new NormalizedExponentialArrivals(rng, 0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NormalizedExponentialArrivals(rng, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new NormalizedExponentialArrivals(rng, 1000, 999));
        assertThrows(IllegalArgumentException.class,
                () -> new NormalizedExponentialArrivals(rng, 10_000_001, 3_600_000_000L));
    }

    @Test
    void forSubsystem_workloadGen_isSeedXorFnv1a() {
        // given seed 42 / when the workload-gen stream is derived
        long seed = PartitionedSeeds.forSubsystem(42, PartitionedSeeds.WORKLOAD_GEN);
        // then it is 42 ^ fnv1a64("workload-gen") and its first Int63 is BLIS's
        assertEquals(0x623e21a6896fc55fL ^ 42, seed);
        assertEquals(8021973113318348621L, new GoRandom(seed).int63());
        assertEquals(42, PartitionedSeeds.forSubsystem(42, PartitionedSeeds.WORKLOAD));
    }
}
