package io.blisnative.sim;

/**
 * Scheduler settings of one simulated vLLM server.
 *
 * @param maxNumSeqs                 max requests in the running batch (vLLM max_num_seqs, ≥ 1)
 * @param maxNumBatchedTokens        token budget per step (vLLM max_num_batched_tokens, ≥ 1)
 * @param longPrefillTokenThreshold  max prompt tokens per request per step; 0 = no cap
 * @param maxModelLen                max sequence length; 0 = unlimited
 * @param queueOrder                 wait-queue ordering
 * @param preemption                 victim choice under KV pressure
 * @param horizonUs                  stop after the first event past this time; Long.MAX_VALUE = run to the end
 * @param asyncScheduling            vLLM's async scheduling: the batch of step k+1 is formed while step k runs,
 *                                   so a request that arrives during a step can join the batch after next at
 *                                   the earliest; false = BLIS's synchronous scheduler (the next batch is formed
 *                                   when the running step ends)
 */
public record SimConfig(
        int maxNumSeqs,
        int maxNumBatchedTokens,
        int longPrefillTokenThreshold,
        int maxModelLen,
        QueueOrder queueOrder,
        PreemptionPolicy preemption,
        long horizonUs,
        boolean asyncScheduling) {

    public SimConfig {
        if (maxNumSeqs < 1) {
            throw new IllegalArgumentException("max_num_seqs must be >= 1, got " + maxNumSeqs);
        }
        if (maxNumBatchedTokens < 1) {
            throw new IllegalArgumentException("max_num_batched_tokens must be >= 1, got " + maxNumBatchedTokens);
        }
        if (longPrefillTokenThreshold < 0) {
            throw new IllegalArgumentException(
                    "long_prefill_token_threshold must be >= 0, got " + longPrefillTokenThreshold);
        }
        if (maxModelLen < 0) {
            throw new IllegalArgumentException("max_model_len must be >= 0, got " + maxModelLen);
        }
        if (queueOrder == null || preemption == null) {
            throw new IllegalArgumentException("queueOrder and preemption must be set");
        }
        if (horizonUs <= 0) {
            throw new IllegalArgumentException("horizonUs must be > 0, got " + horizonUs);
        }
    }

    /** Synchronous scheduling, as BLIS. */
    public SimConfig(int maxNumSeqs, int maxNumBatchedTokens, int longPrefillTokenThreshold, int maxModelLen,
            QueueOrder queueOrder, PreemptionPolicy preemption, long horizonUs) {
        this(maxNumSeqs, maxNumBatchedTokens, longPrefillTokenThreshold, maxModelLen, queueOrder, preemption, horizonUs,
                false);
    }

    /** The same settings with async scheduling on or off. */
    public SimConfig withAsyncScheduling(boolean on) {
        return new SimConfig(maxNumSeqs, maxNumBatchedTokens, longPrefillTokenThreshold, maxModelLen, queueOrder,
                preemption, horizonUs, on);
    }

    /** vLLM-like defaults used by BLIS: 256 sequences, 2048 tokens, FCFS, no cap, no horizon. */
    public static SimConfig defaults() {
        return new SimConfig(256, 2048, 0, 0, QueueOrder.FCFS, PreemptionPolicy.FCFS, Long.MAX_VALUE);
    }
}
