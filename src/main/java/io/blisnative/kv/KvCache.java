package io.blisnative.kv;

/**
 * Paged KV-cache accounting as vLLM's block manager does it, seen from the scheduler.
 *
 * <p>Contract shared by every implementation: blocks are never negative or leaked
 * ({@code usedBlocks() + free == totalBlocks()} at all times), a failed {@link #allocate} changes
 * nothing, and {@link #release} returns every block a sequence holds.
 */
public interface KvCache {

    int blockSize();

    int totalBlocks();

    int usedBlocks();

    /**
     * Counts the leading full prompt blocks already cached and remembers their ids for the next
     * {@link #allocate} call with {@code useCachedPrefix = true}.
     */
    int lookupCachedPrefix(KvSequence seq);

    /**
     * Reserves room for sequence positions {@code [start, end)} of {@code seq}.
     *
     * @param prefill         true while the request is still computing its prompt (BLIS tests
     *                        progress &lt; input length); prefill blocks are hashed for reuse
     * @param useCachedPrefix pin the blocks found by the immediately preceding lookup first
     * @return false, with no state changed, when the free blocks do not suffice
     */
    boolean allocate(KvSequence seq, boolean prefill, int start, int end, boolean useCachedPrefix);

    /**
     * How many of {@code seq}'s next decode tokens {@link #allocate} would place by only counting
     * them into its partly filled last block: no block taken, filled, hashed or otherwise seen.
     * The simulator may then account that many tokens later, in one {@link #appendQuietDecodeTokens}.
     * 0 by default: a cache that must see every token (one that mirrors running sequences into
     * another tier, say) keeps the per-token calls.
     */
    default int quietDecodeTokens(KvSequence seq) {
        return 0;
    }

    /**
     * Places {@code n} decode tokens of {@code seq} exactly as {@code n} single-token
     * {@link #allocate} calls would, given {@code n <= quietDecodeTokens(seq)}.
     *
     * @throws IllegalArgumentException if {@code n} exceeds {@link #quietDecodeTokens}
     */
    default void appendQuietDecodeTokens(KvSequence seq, int n) {
        if (n != 0) {
            throw new IllegalArgumentException("no quiet decode tokens here, asked for " + n);
        }
    }

    /** Returns all blocks of {@code seq}, last first, to the free list's tail (kept as cache). */
    void release(KvSequence seq);

    /** Transfer time a tiered cache added to the current step (µs); resets to 0. */
    default long consumePendingTransferLatencyUs() {
        return 0;
    }

    /** Called after each executed step with the running sequences (the CPU tier mirrors them). */
    default void afterStep(KvSequence[] running, int count) {
    }

    /** Prefix-cache hit rate in blocks, hits / (hits + misses); 0 before any allocation. */
    double cacheHitRate();
}
