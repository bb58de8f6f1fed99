package io.blisnative.sim;

import io.blisnative.kv.KvSequence;
import java.util.Arrays;

/**
 * Mutable state of one request inside the simulator (BLIS's Request). Only the simulator and the
 * batch former change it.
 *
 * <p>{@code progress} is BLIS's ProgressIndex: prompt tokens computed plus output tokens
 * generated. The request is in prefill while {@code progress < inputLength()}.
 */
public final class Request {
    private static final long[] NO_RUNS = new long[0];

    final Arrival arrival;
    final int serial;
    final KvSequence kv;
    final int inputLength;
    final int outputLength;
    int maxOutputLen;
    int priority;
    RequestState state = RequestState.QUEUED;
    int progress;
    int newTokens;
    int computedTokens;
    boolean ttftSet;
    long firstTokenTimeUs = -1;
    long schedulingDelayUs = -1;
    boolean lengthCapped;
    /** Steps (GapLog numbers) of the current run of consecutive decode steps, or -1 before one. */
    long itlRunStart = -1;
    long itlRunEnd = -1;
    /** Earlier runs as (first, last) step pairs; a run breaks when a step leaves the request out. */
    long[] itlClosedRuns = NO_RUNS;
    int itlClosedCount;
    /** Position of this request's pending deadline in the event queue's deadline heap, or -1. */
    int deadlineSlot = -1;
    long itlSumUs;
    /** Order of joining the running batch (the batch's order); set by {@link RunningBatch#add}. */
    long runOrder;
    /**
     * Quiet decoding ({@link QuietDecodes}): steps {@code [quietFrom, quietUntil)} each decode one
     * token not yet applied to this request, whose progress was {@code quietProgress} before them;
     * {@code quietUntil < 0} when it is up to date.
     */
    long quietUntil = -1;
    long quietFrom;
    int quietProgress;

    Request(Arrival arrival, int serial) {
        this.arrival = arrival;
        this.serial = serial;
        this.kv = new KvSequence(arrival.inputTokens(), arrival.outputTokens(), arrival.blockChain());
        this.inputLength = arrival.inputTokens().length;
        this.outputLength = arrival.outputTokens().length;
        this.maxOutputLen = arrival.maxOutputLen();
    }

    public String id() {
        return arrival.id();
    }

    /** Position of this request in the order arrivals were fed to the simulator (0-based). */
    public int serial() {
        return serial;
    }

    public Arrival arrival() {
        return arrival;
    }

    public long arrivalUs() {
        return arrival.arrivalUs();
    }

    public int inputLength() {
        return inputLength;
    }

    public int outputLength() {
        return outputLength;
    }

    public RequestState state() {
        return state;
    }

    boolean inPrefill() {
        return progress < inputLength;
    }

    /** Records the token decoded in step {@code step} of the gap log, whose gap is {@code gapUs}. */
    void addItl(long gapUs, long step) {
        addItlRun(step, step + 1, gapUs);
    }

    /**
     * Records one token decoded in each of the steps {@code [from, to)}, whose gaps total
     * {@code sumUs}: the run joins the current one when it follows it directly, else closes it.
     */
    void addItlRun(long from, long to, long sumUs) {
        if (to <= from) {
            return;
        }
        if (itlRunEnd != from - 1 || itlRunStart < 0) {
            if (itlRunStart >= 0) {
                closeRun();
            }
            itlRunStart = from;
        }
        itlRunEnd = to - 1;
        itlSumUs += sumUs;
    }

    /** True while decode tokens of past steps are still to be applied ({@link QuietDecodes}). */
    boolean quiet() {
        return quietUntil >= 0;
    }

    private void closeRun() {
        if (2 * itlClosedCount + 2 > itlClosedRuns.length) {
            itlClosedRuns = Arrays.copyOf(itlClosedRuns, Math.max(4, itlClosedRuns.length * 2));
        }
        itlClosedRuns[2 * itlClosedCount] = itlRunStart;
        itlClosedRuns[2 * itlClosedCount + 1] = itlRunEnd;
        itlClosedCount++;
    }

    /** The earliest gap-log step this request has a token in, or {@code Long.MAX_VALUE} if none. */
    long firstItlStep() {
        return itlClosedCount > 0 ? itlClosedRuns[0] : itlRunStart >= 0 ? itlRunStart : Long.MAX_VALUE;
    }

    /**
     * Takes this request's gaps back out of {@code counts} (they were counted as they happened, but
     * only a completed request's gaps count), reading them from {@code log}, and forgets them.
     */
    void discardItl(ValueCounts counts, GapLog log) {
        for (int i = 0; i < itlClosedCount; i++) {
            discardRun(counts, log, itlClosedRuns[2 * i], itlClosedRuns[2 * i + 1]);
        }
        if (itlRunStart >= 0) {
            discardRun(counts, log, itlRunStart, itlRunEnd);
        }
        releaseItl();
    }

    private static void discardRun(ValueCounts counts, GapLog log, long first, long last) {
        for (long s = first; s <= last; s++) {
            counts.addCount(log.gap(s), -1);
        }
    }

    /** Forgets the gaps once they are recorded or discarded. */
    void releaseItl() {
        itlRunStart = -1;
        itlRunEnd = -1;
        itlClosedRuns = NO_RUNS;
        itlClosedCount = 0;
        itlSumUs = 0;
    }

    /** Restarts the request from scratch (vLLM v1 preempts by recompute); its gaps leave {@code counts}. */
    void resetForRecompute(ValueCounts counts, GapLog log) {
        discardItl(counts, log);
        state = RequestState.QUEUED;
        progress = 0;
        ttftSet = false;
        newTokens = 0;
        computedTokens = 0;
    }
}
