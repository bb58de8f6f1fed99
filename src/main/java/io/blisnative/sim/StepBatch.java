package io.blisnative.sim;

/**
 * The requests scheduled in one step, as parallel primitive arrays so pricing a step allocates
 * nothing. Progress is the number of sequence tokens already computed at the start of the step
 * (BLIS's ProgressIndex); a request is in prefill iff {@code progress < inputLength}.
 *
 * <p>Decode-only requests may come summarised instead of listed: {@link #aggregateDecodes()} of
 * them, one new token each, with {@link #aggregateDecodeProgress()} the sum of their progress. The
 * simulator does that only for a latency model whose {@link LatencyModel#pricesAggregateDecodes()}
 * is true; such a model must price a summarised request exactly as it would the listed one, which
 * holds when a decode request enters the price only through counts and sums of integers (exact in
 * a double, whatever the order).
 *
 * <p>The simulator owns one instance and refills it every step; latency models only read it.
 */
public final class StepBatch {
    private int size;
    private int aggregateDecodes;
    private long aggregateDecodeProgress;
    private int[] progress = new int[64];
    private int[] newTokens = new int[64];
    private int[] inputLength = new int[64];
    private int[] outputLength = new int[64];

    /** Empties the batch, keeping its arrays. */
    public void clear() {
        size = 0;
        aggregateDecodes = 0;
        aggregateDecodeProgress = 0;
    }

    /**
     * Adds {@code count} summarised decode requests, one new token each, whose progress before
     * this step sums to {@code progressSum}.
     */
    public void addAggregateDecodes(int count, long progressSum) {
        aggregateDecodes += count;
        aggregateDecodeProgress += progressSum;
    }

    /** Appends one scheduled request. */
    public void add(int progressTokens, int newTokenCount, int inputTokens, int outputTokens) {
        if (size == progress.length) {
            int n = size * 2;
            progress = java.util.Arrays.copyOf(progress, n);
            newTokens = java.util.Arrays.copyOf(newTokens, n);
            inputLength = java.util.Arrays.copyOf(inputLength, n);
            outputLength = java.util.Arrays.copyOf(outputLength, n);
        }
        progress[size] = progressTokens;
        newTokens[size] = newTokenCount;
        inputLength[size] = inputTokens;
        outputLength[size] = outputTokens;
        size++;
    }

    /** Number of listed requests (the indices {@code 0 .. size()-1}); see {@link #requests()}. */
    public int size() {
        return size;
    }

    /** Every scheduled request: the listed ones and the summarised decodes. */
    public int requests() {
        return size + aggregateDecodes;
    }

    /** Decode-only requests not listed, each scheduled for one token (output length &gt; 0). */
    public int aggregateDecodes() {
        return aggregateDecodes;
    }

    /** Sum of the progress of the {@link #aggregateDecodes()} requests. */
    public long aggregateDecodeProgress() {
        return aggregateDecodeProgress;
    }

    /** Tokens of the sequence computed before this step (BLIS ProgressIndex). */
    public int progress(int i) {
        return progress[i];
    }

    /** Tokens scheduled for request {@code i} in this step (BLIS NumNewTokens, ≥ 1). */
    public int newTokens(int i) {
        return newTokens[i];
    }

    /** Prompt length of request {@code i}. */
    public int inputLength(int i) {
        return inputLength[i];
    }

    /** Number of output tokens request {@code i} will generate. */
    public int outputLength(int i) {
        return outputLength[i];
    }

    /** True while the request still has prompt tokens to compute. */
    public boolean isPrefill(int i) {
        return progress[i] < inputLength[i];
    }
}
