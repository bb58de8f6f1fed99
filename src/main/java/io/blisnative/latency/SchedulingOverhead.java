package io.blisnative.latency;

/**
 * CPU-side costs around each engine step, in µs, for {@link SchedulingOverheadModel}. All zero
 * and synchronous by default, which leaves a model's step time unchanged.
 *
 * @param perStepUs       scheduler time per step, ≥ 0
 * @param perRequestUs    scheduler time per request scheduled in the step, ≥ 0
 * @param postprocessUs   output post-processing after the GPU step (sampling results, detokenizing), ≥ 0
 * @param async           true when the scheduler prepares the next step while the GPU runs this one
 *                        (vLLM's async scheduling), so CPU scheduling overlaps the GPU step
 */
public record SchedulingOverhead(double perStepUs, double perRequestUs, double postprocessUs, boolean async) {

    /** No overhead, synchronous scheduling. */
    public static final SchedulingOverhead NONE = new SchedulingOverhead(0, 0, 0, false);

    public SchedulingOverhead {
        nonNegative("perStepUs", perStepUs);
        nonNegative("perRequestUs", perRequestUs);
        nonNegative("postprocessUs", postprocessUs);
    }

    /**
     * True when wrapping a model changes nothing: no cost at all. (Async with zero costs is
     * max(step, 0) = step, so it counts too.)
     */
    public boolean isNone() {
        return perStepUs == 0 && perRequestUs == 0 && postprocessUs == 0;
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + v);
        }
    }
}
