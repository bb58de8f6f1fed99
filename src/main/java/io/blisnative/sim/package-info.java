/**
 * The discrete-event kernel: one vLLM v1 server simulated in integer microseconds.
 *
 * <p>Read first: {@link io.blisnative.sim.Simulator} (event loop and the four step phases),
 * {@link io.blisnative.sim.BatchFormer} (vLLM v1 batch formation, preemption by recompute) and
 * {@link io.blisnative.sim.Request} (per-request progress). Extension points:
 * {@link io.blisnative.sim.LatencyModel} prices a step, {@link io.blisnative.sim.SessionHook} injects
 * closed-loop follow-ups. Invariants checked by the tests: every request completes, times out, is
 * dropped or is still inside at the end; KV blocks are conserved and all free after a full run;
 * the clock never goes back; TTFT ≤ E2E; same inputs give the same result.
 */
package io.blisnative.sim;
