package io.blisnative.sim;

import io.blisnative.kv.KvSequence;

/**
 * Mutable state of one request inside the simulator (BLIS's Request). Only the simulator and the
 * batch former change it.
 *
 * <p>{@code progress} is BLIS's ProgressIndex: prompt tokens computed plus output tokens
 * generated. The request is in prefill while {@code progress < inputLength()}.
 */
public final class Request {
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
    long[] itl = ItlBuffers.NONE;
    int itlCount;
    /** Position of this request's pending deadline in the event queue's deadline heap, or -1. */
    int deadlineSlot = -1;
    long itlSumUs;

    Request(Arrival arrival, int serial) {
        this.arrival = arrival;
        this.serial = serial;
        this.kv = new KvSequence(arrival.inputTokens(), arrival.outputTokens());
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

    /** Records one inter-token gap; the buffer comes from {@code buffers}, sized for the whole output. */
    void addItl(long gapUs, ItlBuffers buffers) {
        if (itlCount == itl.length) {
            itl = buffers.grow(itl, itlCount, outputLength);
        }
        itl[itlCount++] = gapUs;
        itlSumUs += gapUs;
    }

    /**
     * Takes this request's gaps back out of {@code counts} (they were counted as they happened, but
     * only a completed request's gaps count) and forgets them.
     */
    void discardItl(ValueCounts counts) {
        for (int i = 0; i < itlCount; i++) {
            counts.addCount(itl[i], -1);
        }
        itlCount = 0;
        itlSumUs = 0;
    }

    /** Hands the gap buffer back once the gaps are recorded or discarded. */
    void releaseItl(ItlBuffers buffers) {
        buffers.give(itl);
        itl = ItlBuffers.NONE;
        itlCount = 0;
        itlSumUs = 0;
    }

    /** Restarts the request from scratch (vLLM v1 preempts by recompute); its gaps leave {@code counts}. */
    void resetForRecompute(ValueCounts counts) {
        discardItl(counts);
        state = RequestState.QUEUED;
        progress = 0;
        ttftSet = false;
        newTokens = 0;
        computedTokens = 0;
    }
}
