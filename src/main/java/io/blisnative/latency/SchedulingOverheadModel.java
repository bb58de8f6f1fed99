package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;

/**
 * Adds CPU scheduling and post-processing time to any step-time model. With n requests
 * scheduled in a step and the wrapped model's GPU time g (µs):
 * <pre>
 *   cpu  = perStepUs + perRequestUs · n
 *   step = g + cpu + postprocessUs            synchronous scheduling
 *   step = max(g, cpu) + postprocessUs        async scheduling (CPU work for the next step
 *                                             overlaps this GPU step)
 * </pre>
 * rounded to whole µs, at least 1. Queueing, output-token, post-decode and first-token delivery times are the
 * wrapped model's. {@link #stepTimeUs} allocates nothing.
 */
public final class SchedulingOverheadModel implements LatencyModel {

    private final LatencyModel gpu;
    private final double perStepUs;
    private final double perRequestUs;
    private final double postprocessUs;
    private final boolean async;

    /**
     * @param gpu      the step-time model to wrap, non-null
     * @param overhead the CPU costs to add, non-null
     */
    public SchedulingOverheadModel(LatencyModel gpu, SchedulingOverhead overhead) {
        if (gpu == null) {
            throw new IllegalArgumentException("gpu model must not be null");
        }
        if (overhead == null) {
            throw new IllegalArgumentException("overhead must not be null");
        }
        this.gpu = gpu;
        this.perStepUs = overhead.perStepUs();
        this.perRequestUs = overhead.perRequestUs();
        this.postprocessUs = overhead.postprocessUs();
        this.async = overhead.async();
    }

    /** {@code model} itself when {@code overhead} adds nothing, else the model wrapped. */
    public static LatencyModel wrap(LatencyModel model, SchedulingOverhead overhead) {
        return overhead == null || overhead.isNone() ? model : new SchedulingOverheadModel(model, overhead);
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        double gpuUs = gpu.stepTimeUs(batch);
        double cpuUs = perStepUs + perRequestUs * batch.requests();
        double step = async ? Math.max(gpuUs, cpuUs) + postprocessUs : gpuUs + cpuUs + postprocessUs;
        return Math.max(1, GoMath.roundToLong(step));
    }

    @Override
    public boolean pricesAggregateDecodes() {
        return gpu.pricesAggregateDecodes();
    }

    @Override
    public long queueingTimeUs(int inputLength) {
        return gpu.queueingTimeUs(inputLength);
    }

    @Override
    public long outputTokenProcessingTimeUs() {
        return gpu.outputTokenProcessingTimeUs();
    }

    @Override
    public long postDecodeFixedOverheadUs() {
        return gpu.postDecodeFixedOverheadUs();
    }

    @Override
    public long firstTokenDeliveryUs(int batchSize) {
        return gpu.firstTokenDeliveryUs(batchSize);
    }
}
