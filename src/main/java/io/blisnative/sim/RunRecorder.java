package io.blisnative.sim;

/**
 * Collects what a run measured, the way BLIS's Metrics does, in primitive form.
 *
 * <p>BLIS keys TTFT and scheduling delay by request id and overwrites them on re-prefill after a
 * preemption, so each request contributes its last value once: we record a request's final values
 * when it leaves (completes or times out) or when the run ends with it still inside.
 */
final class RunRecorder {
    int completed;
    int droppedUnservable;
    int timedOut;
    int lengthCapped;
    long preemptions;
    long kvAllocationFailures;
    long totalInputTokens;
    long totalOutputTokens;
    long ttftSumUs;
    int peakKvBlocks;
    double kvBlockMicros;
    long steps;

    final LongList completedSerial = new LongList();
    final LongList completedArrivalUs = new LongList();
    final LongList completedTtftUs = new LongList();
    final LongList completedE2eUs = new LongList();
    final LongList completedOutputTokens = new LongList();
    final LongList allTtftUs = new LongList();
    final LongList schedulingDelayUs = new LongList();
    /**
     * Inter-token gaps, counted in bulk as each step happens; the gaps of a request that is
     * preempted, times out or is still inside at the end are taken back out, so what remains
     * are the completed requests' gaps.
     */
    final ValueCounts itlUs = new ValueCounts();

    void completed(Request r, long e2eUs, int outputTokens) {
        completed++;
        ttftSumUs += r.firstTokenTimeUs;
        if (outputTokens > 0) {
            totalOutputTokens += outputTokens;
        }
        completedSerial.add(r.serial);
        completedArrivalUs.add(r.arrivalUs());
        completedTtftUs.add(r.firstTokenTimeUs);
        completedE2eUs.add(e2eUs);
        completedOutputTokens.add(outputTokens);
        left(r);
    }

    /** Records the per-request values BLIS keeps by id, once, when the request leaves or the run ends. */
    void left(Request r) {
        if (r.firstTokenTimeUs >= 0) {
            allTtftUs.add(r.firstTokenTimeUs);
        }
        if (r.schedulingDelayUs >= 0) {
            schedulingDelayUs.add(r.schedulingDelayUs);
        }
    }

    void kvUsage(int usedBlocks, long stepUs) {
        if (usedBlocks > peakKvBlocks) {
            peakKvBlocks = usedBlocks;
        }
        kvBlockMicros += (double) usedBlocks * (double) stepUs;
    }

    SimResult toResult(int stillQueued, int stillRunning, long simEndedUs, double cacheHitRate) {
        long[][] itl = itlUs.sorted();
        return new SimResult(completed, stillQueued, stillRunning, droppedUnservable, timedOut, lengthCapped,
                preemptions, kvAllocationFailures, totalInputTokens, totalOutputTokens, simEndedUs, ttftSumUs,
                peakKvBlocks, cacheHitRate, steps, completedSerial.toArray(), completedArrivalUs.toArray(),
                completedTtftUs.toArray(), completedE2eUs.toArray(), completedOutputTokens.toArray(),
                allTtftUs.toArray(), schedulingDelayUs.toArray(), itl[0], itl[1]);
    }
}
