package io.blisnative.sim;

/**
 * Everything one simulated run produced, in µs and token counts. Per-request arrays of completed
 * requests are parallel and in completion order; {@code completedSerial[i]} is the request's
 * position in the arrival stream, which lets callers pair results with trace rows.
 */
public record SimResult(
        int completed,
        int stillQueued,
        int stillRunning,
        int droppedUnservable,
        int timedOut,
        int lengthCapped,
        long preemptions,
        long kvAllocationFailures,
        long totalInputTokens,
        long totalOutputTokens,
        long simEndedUs,
        long ttftSumUs,
        int peakKvBlocks,
        double cacheHitRate,
        long steps,
        long[] completedSerial,
        long[] completedArrivalUs,
        long[] completedTtftUs,
        long[] completedE2eUs,
        long[] completedOutputTokens,
        long[] allTtftUs,
        long[] schedulingDelayUs,
        long[] itlValuesUs,
        long[] itlCounts) {

    /** Requests that entered the server: BLIS's injected_requests. */
    public int injected() {
        return completed + stillQueued + stillRunning + droppedUnservable + timedOut;
    }

    /** Total number of inter-token gaps recorded over completed requests. */
    public long itlTotal() {
        long n = 0;
        for (long c : itlCounts) {
            n += c;
        }
        return n;
    }
}
