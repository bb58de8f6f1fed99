/**
 * Synthetic request streams that reproduce BLIS's generators draw for draw.
 *
 * <p>Read first: {@link io.blisnative.workload.DistributionWorkload} (the golden-test workload,
 * lazily yielding {@link io.blisnative.sim.Arrival}s), {@link io.blisnative.workload.GoRandom}
 * (bit-exact Go {@code math/rand}, the only randomness source here) and
 * {@link io.blisnative.workload.DistributionParams}.
 */
package io.blisnative.workload;
