package io.blisnative.sim;

/**
 * Prices one engine step and the client-visible overheads around it.
 *
 * <p>All times are integer microseconds. Implementations must be deterministic and must not
 * allocate in {@link #stepTimeUs}: it runs once per simulated step.
 */
public interface LatencyModel {

    /**
     * Time the GPU step takes for the requests scheduled in it.
     *
     * @param batch the requests with {@code newTokens > 0} this step, progress as of step start
     * @return step time in µs; the simulator clamps it to at least 1 so the clock cannot stall
     */
    long stepTimeUs(StepBatch batch);

    /**
     * True if {@link #stepTimeUs} prices {@link StepBatch#aggregateDecodes()} exactly as it would
     * the same decode requests listed one by one; the simulator then stops touching steadily
     * decoding requests every step. False by default: the batch is then always fully listed.
     */
    default boolean pricesAggregateDecodes() {
        return false;
    }

    /** Delay between a request's arrival and the scheduler seeing it (µs, ≥ 0). */
    long queueingTimeUs(int inputLength);

    /** Added to the recorded TTFT and to every inter-token gap; does not advance the clock (µs). */
    long outputTokenProcessingTimeUs();

    /** Added once to the E2E of requests with output tokens; does not advance the clock (µs). */
    long postDecodeFixedOverheadUs();

    /**
     * Time from the end of the step that produced a request's first token until the client has it,
     * when {@code batchSize} requests ran in that step: output processing and streaming handle every
     * running request's token of a step one after another, so the delay grows with the batch. Added
     * to TTFT and therefore to E2E, not to inter-token gaps; does not advance the clock (µs, ≥ 0).
     * None by default (BLIS's models).
     */
    default long firstTokenDeliveryUs(int batchSize) {
        return 0;
    }
}
