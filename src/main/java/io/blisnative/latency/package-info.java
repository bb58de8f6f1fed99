/**
 * Latency models and the model, GPU and coefficient figures they need.
 *
 * <p>Read first: {@link io.blisnative.latency.LatencyModels} (building a model by name from a
 * {@link io.blisnative.latency.LatencyConfig}), {@link io.blisnative.latency.TrainedPhysicsModel}
 * (the default step-time model) and {@link io.blisnative.latency.Catalog} (the bundled
 * {@code config/} folder). {@link io.blisnative.latency.KvCapacity} sizes the KV cache from GPU memory;
 * {@link io.blisnative.latency.SchedulingOverheadModel} adds CPU scheduling time around any model.
 * docs/latency-models.md gives every model's formula and provenance.
 *
 * <p>The BLIS models reproduce BLIS (inference-sim) arithmetic in the Go expression order, so the
 * integer microseconds agree with BLIS exactly; roofline-v2 rebuilds a model that never reached
 * BLIS's default branch. Prices are per step and allocate nothing.
 */
package io.blisnative.latency;
