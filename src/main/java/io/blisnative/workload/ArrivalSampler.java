package io.blisnative.workload;

/**
 * Inter-arrival times of one client's requests, in µs.
 *
 * <p>Stateless samplers draw from the generator they are handed and never return 0; a sampler
 * holding a pre-drawn, finite sequence returns 0 once it is exhausted, which ends the client.
 */
interface ArrivalSampler {

    /** Next gap in µs: ≥ 1, or 0 when a finite sampler has no more gaps. */
    long nextIatUs(GoRandom rng);
}
