package io.blisnative.sim;

import io.blisnative.kv.BlockChain;

/**
 * One request as it reaches the simulated server: what the workload generator or a trace
 * produces and the simulator consumes.
 *
 * @param id            stable name used in per-request output (BLIS uses {@code request_<i>})
 * @param arrivalUs     arrival time in µs from the start of the run (≥ 0)
 * @param inputTokens   prompt token ids; identical leading runs share prefix-cache blocks
 * @param outputTokens  token ids the request will generate; its length is the output length
 * @param maxOutputLen  output cap the server enforces; 0 lets the simulator derive it from max_model_len
 * @param deadlineUs    absolute client deadline in µs; 0 means none
 * @param sloClass      SLO class name (critical, standard, batch, sheddable, background); "" = standard
 * @param sessionId     multi-turn conversation id, "" when the request is not part of one
 * @param roundIndex    0-based turn number within its session
 * @param blockChain    the KV block hash chain of these tokens, computed ahead (off the simulation
 *                      thread), or null; a chain for another block size than the cache's is ignored
 */
public record Arrival(
        String id,
        long arrivalUs,
        int[] inputTokens,
        int[] outputTokens,
        int maxOutputLen,
        long deadlineUs,
        String sloClass,
        String sessionId,
        int roundIndex,
        BlockChain blockChain) {

    public Arrival {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id must be non-empty");
        }
        if (arrivalUs < 0) {
            throw new IllegalArgumentException("arrivalUs must be >= 0, got " + arrivalUs);
        }
        if (inputTokens == null || outputTokens == null) {
            throw new IllegalArgumentException("inputTokens and outputTokens must be non-null");
        }
        if (deadlineUs < 0) {
            throw new IllegalArgumentException("deadlineUs must be >= 0, got " + deadlineUs);
        }
        int tokens = inputTokens.length + outputTokens.length;
        if (blockChain != null && !blockChain.covers(tokens)) {
            throw new IllegalArgumentException("blockChain has " + blockChain.hashes().length + " blocks, the "
                    + tokens + " tokens fill " + tokens / blockChain.blockSize());
        }
        sloClass = sloClass == null ? "" : sloClass;
        sessionId = sessionId == null ? "" : sessionId;
    }

    /** An arrival without a precomputed block chain. */
    public Arrival(String id, long arrivalUs, int[] inputTokens, int[] outputTokens, int maxOutputLen,
            long deadlineUs, String sloClass, String sessionId, int roundIndex) {
        this(id, arrivalUs, inputTokens, outputTokens, maxOutputLen, deadlineUs, sloClass, sessionId, roundIndex, null);
    }

    /** This arrival with its tokens' block chain for blocks of {@code blockSize} tokens computed now. */
    public Arrival withBlockChain(int blockSize) {
        return new Arrival(id, arrivalUs, inputTokens, outputTokens, maxOutputLen, deadlineUs, sloClass, sessionId,
                roundIndex, BlockChain.of(inputTokens, outputTokens, blockSize));
    }

    /** A plain open-loop request with no deadline, SLO class or session. */
    public static Arrival of(String id, long arrivalUs, int[] inputTokens, int[] outputTokens) {
        return new Arrival(id, arrivalUs, inputTokens, outputTokens, 0, 0, "", "", 0);
    }
}
