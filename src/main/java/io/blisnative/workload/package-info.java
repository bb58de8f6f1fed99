/**
 * Synthetic request streams that reproduce BLIS's generators draw for draw.
 *
 * <p>Read first: {@link io.blisnative.workload.DistributionWorkload} (the golden-test workload,
 * lazily yielding {@link io.blisnative.sim.Arrival}s), {@link io.blisnative.workload.GoRandom}
 * (bit-exact Go {@code math/rand}, the only randomness source here) and
 * {@link io.blisnative.workload.DistributionParams}. For BLIS's inference-perf specs (staged
 * load, shared system prompts, multi-turn chat): {@link io.blisnative.workload.InferencePerfWorkload}
 * and the {@link io.blisnative.workload.SessionManager} that adds follow-up rounds during a run.
 */
package io.blisnative.workload;
