package io.blisnative.kv;

import java.util.Arrays;

/**
 * Single-tier GPU KV cache with prefix caching, following vLLM v1's block manager as BLIS models it.
 *
 * <p>Free blocks wait in a {@link FreeBlockQueue}: allocation pops the head, release appends to
 * the tail, so the least recently freed block is reused first. A freed block keeps its content hash and can
 * be hit by a later prompt until it is popped for reuse; only then is its hash forgotten (lazily).
 * Everything is primitive arrays indexed by block id, and a block's content hash and reference
 * count share one 16-byte record, because recycling visits blocks in free order, which is
 * scattered over memory: this runs on every simulated step. Before taking several blocks at once
 * their records and index slots are read in a tight loop, so their cache misses overlap instead
 * of stalling one after another. A block is in use iff its
 * reference count is positive, and hashed iff it is full (only full blocks are registered, and a
 * recycled block loses its hash). How full a sequence's last block is lives in the sequence, so a
 * decode token touches no block record until it fills the block.
 *
 * <p>Deferred indexing. BLIS keeps every full block's hash in one map; here the map
 * ({@link BlockHashIndex}) holds only what a lookup can reach. A lookup walks a prompt's chain
 * from its root and stops at the first miss, so a deeper block can be found only through a
 * sequence that shares its root. Roots are always indexed; the deeper blocks of a chain that one
 * sequence alone has registered wait outside the index, marked with their group's tag
 * ({@link RootGroups}), and are indexed (one pass over the records) the moment the chain may be
 * shared: a lookup hits its root, or another root with the same tag is registered. Until then
 * each such hash has exactly one holder, so indexing it and deleting it on reuse would change
 * nothing a lookup can see; skipping both saves two random reads of a large table per block,
 * about a third of a long replay's simulation time when prompts are unique. A lower tier, which
 * looks blocks up by any hash, switches this off ({@link #indexEveryBlock}).
 * {@code LazyIndexEquivalenceTest} checks every answer against a cache that indexes every block.
 */
public final class BlockCache implements KvCache {
    /**
     * Per-block record in {@link #rec}: chained content hash (0 = none), then the reference count
     * in the low 32 bits of the second long and the block's index state in its high 32 bits:
     * {@link #INDEXED}, {@link #INDEXED_ROOT}, or the (odd) tag of the lazy group it waits in.
     */
    private static final int HASH = 0;
    private static final int REF = 1;
    private static final int STRIDE = 2;
    private static final long REF_MASK = 0xFFFF_FFFFL;
    private static final long INDEXED = 0;
    /** Even, so never a group tag. */
    private static final long INDEXED_ROOT = 2;

    private final int blockSize;
    private final int total;
    private final long[] rec;
    private final BlockHashIndex index;
    private final RootGroups groups = new RootGroups();
    /** Every registered hash is in the index; set for good by the first use that needs it. */
    private boolean indexAll;
    private final int[] scratch;
    private final FreeBlockQueue free;
    private int[] upcoming = new int[64];
    /** Sink for the values the overlap loop reads, so the JIT keeps the reads. */
    private long touched;
    private long cacheHits;
    private long cacheMisses;

    private int[] lookup = new int[64];
    private int lookupCount;

    public BlockCache(int totalBlocks, int blockSize) {
        if (totalBlocks <= 0) {
            throw new IllegalArgumentException("totalBlocks must be > 0, got " + totalBlocks);
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        this.blockSize = blockSize;
        this.total = totalBlocks;
        rec = new long[totalBlocks * STRIDE];
        index = new BlockHashIndex(Math.min(totalBlocks, 1 << 20), rec, STRIDE);
        scratch = new int[blockSize];
        free = new FreeBlockQueue(totalBlocks);
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public int totalBlocks() {
        return total;
    }

    @Override
    public int usedBlocks() {
        return total - free.size();
    }

    public int freeBlocks() {
        return free.size();
    }

    @Override
    public double cacheHitRate() {
        long all = cacheHits + cacheMisses;
        return all == 0 ? 0 : (double) cacheHits / all;
    }

    @Override
    public int lookupCachedPrefix(KvSequence seq) {
        long[] chain = seq.chain(blockSize);
        int n = 0;
        for (int i = 0, blocks = seq.promptBlocks(blockSize); i < blocks; i++) {
            int b = index.get(chain[i]);
            if (b < 0) {
                break;
            }
            if (i == 0 && !indexAll) {
                // The chain is shared from here on: its deeper blocks must be findable.
                expose(tagOf(chain[0]));
            }
            if (n == lookup.length) {
                lookup = Arrays.copyOf(lookup, n * 2);
            }
            lookup[n++] = b;
        }
        lookupCount = n;
        return n;
    }

    @Override
    public boolean allocate(KvSequence seq, boolean prefill, int start, int end, boolean useCachedPrefix) {
        return allocate(seq, prefill, start, end, lookup, useCachedPrefix ? lookupCount : 0);
    }

    /**
     * {@link #allocate} with an explicit cached-prefix list: the first {@code cached} entries of
     * {@code cachedBlocks} are pinned if the sequence holds no blocks yet (BLIS's cachedBlocks
     * argument, which a tiered cache may pass stale after reloading into free blocks).
     */
    boolean allocate(KvSequence seq, boolean prefill, int start, int end, int[] cachedBlocks, int cached) {
        if (!prefill) {
            return appendDecodeToken(seq, start, cachedBlocks, cached);
        }
        int newTokens = end - start;
        int effective = newTokens;
        if (seq.blockCount > 0) {
            int spare = blockSize - seq.lastFill;
            if (spare > 0 && spare < blockSize) {
                effective -= Math.min(spare, effective);
            }
        }
        int newBlocks = effective > 0 ? (effective + blockSize - 1) / blockSize : 0;
        int cachedFromFree = 0;
        for (int i = 0; i < cached; i++) {
            if (refCount(cachedBlocks[i]) == 0) {
                cachedFromFree++;
            }
        }
        if (newBlocks + cachedFromFree > free.size()) {
            return false;
        }
        place(seq, true, start, newTokens, cachedBlocks, cached);
        return true;
    }

    /** One decode token: usually one more token in the last block, hashed when that fills it. */
    private boolean appendDecodeToken(KvSequence seq, int start, int[] cachedBlocks, int cached) {
        int n = seq.blockCount;
        int f = seq.lastFill;
        if (n > 0 && f > 0 && f < blockSize) {
            seq.lastFill = f + 1;
            if (f + 1 == blockSize) {
                registerFilled(seq, n - 1);
            }
            return true;
        }
        if (free.size() == 0) {
            return false;
        }
        place(seq, false, start, 1, cachedBlocks, cached);
        return true;
    }

    /** Tokens that still fit in the last block without filling it (filling registers its hash). */
    @Override
    public int quietDecodeTokens(KvSequence seq) {
        int f = seq.lastFill;
        return seq.blockCount > 0 && f > 0 && f < blockSize ? blockSize - 1 - f : 0;
    }

    @Override
    public void appendQuietDecodeTokens(KvSequence seq, int n) {
        if (n < 0 || n > quietDecodeTokens(seq)) {
            throw new IllegalArgumentException("n must be in [0, " + quietDecodeTokens(seq) + "], got " + n);
        }
        seq.lastFill += n;
    }

    /** Writes {@code count} tokens from sequence position {@code start} into blocks; room is checked. */
    private void place(KvSequence seq, boolean prefill, int start, int count, int[] cachedBlocks, int cached) {
        int done = 0;
        while (done < count) {
            if (seq.blockCount == 0) {
                commitCached(seq, cachedBlocks, 0, cached);
                if (seq.blockCount == 0) {
                    seq.basePosition = start;
                }
            }
            int f = seq.blockCount > 0 ? seq.lastFill : 0;
            if (f > 0 && f < blockSize) {
                int take = Math.min(blockSize - f, count - done);
                seq.lastFill = f + take;
                done += take;
                if (f + take == blockSize) {
                    registerFilled(seq, seq.blockCount - 1);
                }
            } else {
                if (seq.blockCount > 0) {
                    // BLIS appends the tokens after the held blocks, whatever positions those
                    // cover: a fresh block starts at the next token's position.
                    seq.startBlockAt(seq.blockCount, start + done, blockSize);
                }
                done = appendFreshBlocks(seq, prefill, count - done, done);
            }
        }
    }

    /** Hashes and registers the block at list position {@code listIndex}, which just became full. */
    private void registerFilled(KvSequence seq, int listIndex) {
        if (seq.extendsChainedRun(listIndex)) {
            long[] chain = seq.chain(blockSize);
            if (listIndex < chain.length) {
                seq.chainedBlocks++;
                register(seq, seq.blocks[listIndex], chain[listIndex], listIndex == 0);
                return;
            }
        }
        long prev = listIndex >= 1 ? rec[seq.blocks[listIndex - 1] * STRIDE + HASH] : 0;
        register(seq, seq.blocks[listIndex], chainHash(prev, seq, listIndex), prev == 0);
    }

    private int appendFreshBlocks(KvSequence seq, boolean prefill, int remaining, int done) {
        // The previous block's hash chains the first block filled here; read only when one is.
        long prev = prefill && remaining >= blockSize && seq.blockCount > 0
                ? rec[seq.blocks[seq.blockCount - 1] * STRIDE + HASH] : 0;
        int blocksNeeded = (remaining + blockSize - 1) / blockSize;
        seq.reserveBlocks(seq.blockCount + blocksNeeded);
        if (blocksNeeded > 1) {
            touchUpcoming(blocksNeeded, prefill ? seq : null);
        }
        for (int i = 0; i < blocksNeeded; i++) {
            int b = popFree();
            forgetHash(b);
            int take = Math.min(blockSize, remaining - i * blockSize);
            rec[b * STRIDE + REF] = 1;
            cacheMisses++;
            seq.append(b);
            seq.lastFill = take;
            if (take == blockSize && prefill) {
                int listIndex = seq.blockCount - 1;
                long h = chainHash(prev, seq, listIndex);
                if (seq.extendsChainedRun(listIndex) && h == seq.chain(blockSize)[listIndex]) {
                    seq.chainedBlocks++;
                }
                register(seq, b, h, prev == 0);
                prev = h;
            }
            done += take;
        }
        return done;
    }

    /**
     * Reads the records and index slots of the next {@code n} blocks to be taken, and the index
     * slots the prompt blocks of {@code prefilled} (if any) are about to be registered in (see
     * class doc).
     */
    private void touchUpcoming(int n, KvSequence prefilled) {
        if (upcoming.length < n) {
            upcoming = new int[Math.max(n, upcoming.length * 2)];
        }
        int k = free.peek(n, upcoming);
        long sink = 0;
        for (int i = 0; i < k; i++) {
            sink += rec[upcoming[i] * STRIDE + HASH];
        }
        for (int i = 0; i < k; i++) {
            long h = rec[upcoming[i] * STRIDE + HASH];
            if (h != 0 && !isLazy(upcoming[i])) {
                sink += index.slotKey(h);
            }
        }
        if (prefilled != null && prefilled.basePosition == 0) {
            long[] chain = prefilled.chain(blockSize);
            int li = prefilled.blockCount;
            int end = Math.min(chain.length, li + n);
            if (li == 0 && end > 0) {
                sink += index.slotKey(chain[0]);
                li = 1;
            }
            if (li < end && (indexAll || groups.isExposed(tagOf(chain[0])))) {
                for (; li < end; li++) {
                    sink += index.slotKey(chain[li]);
                }
            }
        }
        touched += sink;
    }

    /**
     * Appends blocks {@code ids[from, to)} to the sequence as prefix-cache hits: each gains a
     * reference and leaves the free list if it was on it (BLIS's commitCachedBlocks).
     */
    void commitCached(KvSequence seq, int[] ids, int from, int to) {
        if (seq.blockCount == 0) {
            seq.basePosition = 0;
        }
        if (to > from) {
            seq.reserveBlocks(seq.blockCount + to - from);
        }
        for (int i = from; i < to; i++) {
            int b = ids[i];
            if ((int) rec[b * STRIDE + REF]++ == 0) {
                free.remove(b);
            }
            int listIndex = seq.blockCount;
            if (listIndex == 0) {
                seq.rootTag = tagOf(rec[b * STRIDE + HASH]);
            }
            if (seq.extendsChainedRun(listIndex)) {
                long[] chain = seq.chain(blockSize);
                if (listIndex < chain.length && rec[b * STRIDE + HASH] == chain[listIndex]) {
                    seq.chainedBlocks++;
                }
            }
            cacheHits++;
            seq.append(b);
            seq.lastFill = blockSize;
        }
    }

    /** Block ids found by the last {@link #lookupCachedPrefix}; valid until the next lookup. */
    int[] lookupBlocks() {
        return lookup;
    }

    int lookupCount() {
        return lookupCount;
    }

    /** The block registered for chained hash {@code h} (free or in use), or -1. */
    int blockForHash(long h) {
        indexEveryBlock();
        return index.get(h);
    }

    /** Chained hash of block {@code b}; 0 unless the block is full (only full blocks are hashed). */
    long blockHash(int b) {
        return rec[b * STRIDE + HASH];
    }

    /**
     * Refills the least recently freed block with content whose chained hash is {@code h} (a
     * reload from a lower tier) and puts it back at the free list's tail as a cache hit candidate.
     * Its previous hash, if any, is forgotten.
     *
     * @return false if no block is free
     */
    boolean reloadIntoFreeBlock(long h) {
        if (free.size() == 0) {
            return false;
        }
        indexEveryBlock();
        int b = popFree();
        forgetHash(b);
        rec[b * STRIDE + REF] = 0;
        rec[b * STRIDE + HASH] = h;
        index.put(h, b);
        free.add(b);
        return true;
    }

    long cacheHits() {
        return cacheHits;
    }

    long cacheMisses() {
        return cacheMisses;
    }

    /**
     * Hash of the block at list position {@code listIndex}, chained on {@code prev} (0 = the
     * previous block had none, which BLIS treats as the empty chain). A block chained on the
     * sequence's own chain is already in its precomputed {@link KvSequence#chain}.
     */
    private long chainHash(long prev, KvSequence seq, int listIndex) {
        int from = seq.blockStart(listIndex, blockSize);
        if (from % blockSize == 0 && from + blockSize <= seq.inputLength() + seq.outputLength()) {
            long[] chain = seq.chain(blockSize);
            int i = from / blockSize;
            if (i == 0 ? prev == 0 : prev == chain[i - 1]) {
                return chain[i];
            }
        }
        return seq.hashBlock(prev == 0 ? BlockHasher.ROOT : prev, from, blockSize, scratch);
    }

    /**
     * Records that {@code block}, held by {@code seq}, now holds content with chained hash
     * {@code h}; {@code root} if the hash is chained on nothing (the first block of a chain).
     * A root is always indexed; a deeper block of a private group waits out of the index.
     */
    private void register(KvSequence seq, int block, long h, boolean root) {
        int r = block * STRIDE;
        rec[r + HASH] = h;
        if (!indexAll) {
            if (root) {
                int tag = tagOf(h);
                seq.rootTag = tag;
                if (groups.rootRegistered(tag)) {
                    expose(tag);
                }
                rec[r + REF] = (rec[r + REF] & REF_MASK) | (INDEXED_ROOT << 32);
            } else if (seq.rootTag == 0) {
                // A chain whose root this cache did not see: only indexing everything is safe.
                indexEveryBlock();
            } else if (groups.deferRegistration(seq.rootTag)) {
                rec[r + REF] = (rec[r + REF] & REF_MASK) | ((long) seq.rootTag << 32);
                return;
            }
        }
        index.put(h, block);
    }

    /**
     * Takes a recycled block's hash out of the cache's bookkeeping, as BLIS deletes it from its
     * hash map when the block is reused. A lazy block is in no index, so only its group count
     * changes: it is the sole holder of its hash (class doc), so deleting the key would delete it.
     */
    private void forgetHash(int b) {
        int r = b * STRIDE;
        long old = rec[r + HASH];
        if (old == 0) {
            return;
        }
        long state = rec[r + REF] >>> 32;
        if ((state & 1) != 0) {
            groups.lazyRecycled((int) state);
        } else {
            index.remove(old);
            if (state == INDEXED_ROOT && !indexAll) {
                groups.rootRecycled(tagOf(old));
            }
        }
        rec[r + HASH] = 0;
        rec[r + REF] &= REF_MASK;
    }

    private boolean isLazy(int b) {
        return ((rec[b * STRIDE + REF] >>> 32) & 1) != 0;
    }

    private int refCount(int b) {
        return (int) rec[b * STRIDE + REF];
    }

    /** A group's chain is (or may be) shared: index its lazy blocks and every later one. */
    private void expose(int tag) {
        indexLazyBlocks(tag, groups.expose(tag));
    }

    /** Indexes the {@code count} lazy blocks of group {@code tag} (one pass over the records). */
    private void indexLazyBlocks(int tag, int count) {
        long wanted = tag & REF_MASK;
        for (int b = 0; b < total && count > 0; b++) {
            int r = b * STRIDE;
            if (rec[r + REF] >>> 32 == wanted) {
                rec[r + REF] &= REF_MASK;
                index.put(rec[r + HASH], b);
                count--;
            }
        }
    }

    /**
     * From now on every registered hash is indexed, lazy blocks included: for callers that look up
     * hashes other than a prompt's chain from its root (a lower tier reloading blocks).
     */
    void indexEveryBlock() {
        if (indexAll) {
            return;
        }
        indexAll = true;
        for (int b = 0; b < total; b++) {
            int r = b * STRIDE;
            if (((rec[r + REF] >>> 32) & 1) != 0) {
                index.put(rec[r + HASH], b);
            }
            rec[r + REF] &= REF_MASK;
        }
        groups.clear();
    }

    /** Blocks registered but waiting out of the index now (one pass over the records; for tests). */
    int deferredBlocks() {
        int n = 0;
        for (int b = 0; b < total; b++) {
            if (isLazy(b)) {
                n++;
            }
        }
        return n;
    }

    /** A root hash's group tag: odd, so never 0 and never {@link #INDEXED_ROOT}. */
    static int tagOf(long rootHash) {
        return (int) (rootHash ^ (rootHash >>> 32)) | 1;
    }

    @Override
    public void release(KvSequence seq) {
        for (int i = seq.blockCount - 1; i >= 0; i--) {
            int b = seq.blocks[i];
            if ((int) --rec[b * STRIDE + REF] == 0) {
                free.add(b);
            }
        }
        seq.forgetBlocks();
    }

    private int popFree() {
        if (free.size() == 0) {
            throw new IllegalStateException("free list empty after the room check passed (block accounting broken)");
        }
        return free.poll();
    }

    /**
     * Checks block conservation: the free list's length equals the free count, and free plus
     * in-use blocks equal the total. Walks every block, so for tests and end-of-run checks only.
     *
     * @throws IllegalStateException naming the broken invariant
     */
    public void verifyConservation() {
        int listed = 0;
        for (int b = 0; b < total; b++) {
            if (free.contains(b)) {
                if (refCount(b) != 0) {
                    throw new IllegalStateException("block " + b + " is on the free list but in use");
                }
                listed++;
            }
        }
        int used = 0;
        for (int b = 0; b < total; b++) {
            long ref = refCount(b);
            if (ref < 0) {
                throw new IllegalStateException("block " + b + " has refCount " + ref);
            }
            if (ref > 0) {
                used++;
            }
        }
        if (listed != free.size() || listed + used != total) {
            throw new IllegalStateException("block conservation violated: free list " + listed
                    + ", free count " + free.size() + ", in use " + used + ", total " + total);
        }
    }
}
