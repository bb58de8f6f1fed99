package io.blisnative.kv;

import java.util.Arrays;

/**
 * GPU KV cache backed by a CPU tier, as BLIS's TieredKVCache models vLLM v1 CPU offloading.
 *
 * <p>After every step, every full hashed block held by a running request is mirrored to the CPU
 * tier (an LRU of {@code cpuBlocks} entries; present blocks are only refreshed). Before every
 * allocation the prompt's hash chain is followed past what the GPU already has: each next block
 * found on the CPU is copied into the least recently freed GPU block and left on the free list
 * as a cache-hit candidate, until the first block on neither tier, at most as many blocks as were
 * free. Each such reload adds {@code baseLatencyUs + ceil(blockSize / bandwidth)} µs to the step
 * being formed (see {@link #consumePendingTransferLatencyUs}). The allocation then goes ahead
 * with the longer cached prefix. Freed GPU blocks are never written to the CPU on release; the
 * mirror already holds them.
 *
 * <p>Follows BLIS statement for statement where it matters for parity, including two quirks: the
 * reload scan of a running request resumes from its last held block's hash, which restarts the
 * chain when that block is partial; and when no reload moves the cached prefix forward, the
 * cached-block list found before the reload is used even if a reload recycled one of its blocks.
 */
public final class TieredKvCache implements KvCache {
    private final BlockCache gpu;
    private final CpuBlockTier cpu;
    private final long reloadCostUs;
    private long pendingUs;
    private long cpuHits;
    private long cpuMisses;
    private long mirrored;
    private int[] cachedBefore = new int[64];
    private final int[] scratch;
    /** CPU-tier slot where each GPU block's hash was last mirrored (a hint, checked before use). */
    private final int[] cpuSlotHint;

    /**
     * @param gpu                    the GPU tier; this cache takes it over (do not use it directly)
     * @param cpuBlocks              CPU tier capacity in blocks (&gt; 0)
     * @param bandwidthBlocksPerUs   CPU→GPU transfer bandwidth in blocks per µs (finite, &gt; 0)
     * @param baseLatencyUs          fixed cost per reloaded block in µs (≥ 0)
     */
    public TieredKvCache(BlockCache gpu, int cpuBlocks, double bandwidthBlocksPerUs, long baseLatencyUs) {
        if (gpu == null) {
            throw new IllegalArgumentException("gpu must be non-null");
        }
        if (!(bandwidthBlocksPerUs > 0) || Double.isInfinite(bandwidthBlocksPerUs)) {
            throw new IllegalArgumentException(
                    "kv transfer bandwidth must be finite and > 0, got " + bandwidthBlocksPerUs);
        }
        if (baseLatencyUs < 0) {
            throw new IllegalArgumentException("kv transfer base latency must be >= 0, got " + baseLatencyUs);
        }
        this.gpu = gpu;
        // The tier looks blocks up by any hash (reloads, mirroring), not just from a prompt's root.
        gpu.indexEveryBlock();
        this.cpu = new CpuBlockTier(cpuBlocks);
        this.scratch = new int[gpu.blockSize()];
        this.cpuSlotHint = new int[gpu.totalBlocks()];
        Arrays.fill(cpuSlotHint, -1);
        this.reloadCostUs = baseLatencyUs + (long) Math.ceil(gpu.blockSize() / bandwidthBlocksPerUs);
    }

    @Override
    public int blockSize() {
        return gpu.blockSize();
    }

    @Override
    public int totalBlocks() {
        return gpu.totalBlocks();
    }

    @Override
    public int usedBlocks() {
        return gpu.usedBlocks();
    }

    @Override
    public int lookupCachedPrefix(KvSequence seq) {
        return gpu.lookupCachedPrefix(seq);
    }

    @Override
    public boolean allocate(KvSequence seq, boolean prefill, int start, int end, boolean useCachedPrefix) {
        int cached = useCachedPrefix ? gpu.lookupCount() : 0;
        if (cachedBefore.length < cached) {
            cachedBefore = new int[Math.max(cached, cachedBefore.length * 2)];
        }
        System.arraycopy(gpu.lookupBlocks(), 0, cachedBefore, 0, cached);
        int scanFrom = cached;
        long chainHash = cached > 0 ? gpu.blockHash(cachedBefore[cached - 1]) : 0;
        if (seq.blockCount > scanFrom) {
            scanFrom = seq.blockCount;
            chainHash = gpu.blockHash(seq.blocks[seq.blockCount - 1]);
        }
        if (!reloadFromCpu(seq, scanFrom, chainHash)) {
            boolean ok = gpu.allocate(seq, prefill, start, end, cachedBefore, cached);
            if (!ok) {
                cpuMisses++;
            }
            return ok;
        }
        int bs = gpu.blockSize();
        int nowCached = gpu.lookupCachedPrefix(seq);
        int[] nowBlocks = gpu.lookupBlocks();
        long newStart = (long) nowCached * bs;
        if (newStart <= start) {
            return gpu.allocate(seq, prefill, start, end, cachedBefore, cached);
        }
        boolean holdsBlocks = seq.blockCount > 0;
        // A request already holding blocks commits only positions past its own (rounding its
        // partial last block up); a new one commits the cached prefix from block 0.
        int firstToCommit = holdsBlocks ? ceilDiv(start, bs) : 0;
        if (newStart >= end) {
            int endBlock = Math.min(ceilDiv(end, bs), nowCached);
            if (firstToCommit < endBlock) {
                gpu.commitCached(seq, nowBlocks, firstToCommit, endBlock);
            }
            return true;
        }
        if (firstToCommit < nowCached) {
            gpu.commitCached(seq, nowBlocks, firstToCommit, nowCached);
        }
        return gpu.allocate(seq, prefill, (int) newStart, end, nowBlocks, nowCached);
    }

    /**
     * Follows the prompt's hash chain from block {@code fromBlock} (chained on {@code prevHash},
     * 0 = chain start) and reloads the CPU-resident continuation into free GPU blocks.
     *
     * @return true if at least one block was reloaded
     */
    private boolean reloadFromCpu(KvSequence seq, int fromBlock, long prevHash) {
        int bs = gpu.blockSize();
        long[] chain = seq.chain(bs);
        int n = seq.promptBlocks(bs);
        if (fromBlock >= n) {
            return false;
        }
        // While the chain seed is the prompt's own chain, the precomputed hashes apply.
        boolean onChain = fromBlock == 0 ? prevHash == 0 : prevHash == chain[fromBlock - 1];
        int maxReloads = gpu.freeBlocks();
        int reloads = 0;
        long prev = prevHash;
        for (int i = fromBlock; i < n; i++) {
            long h = onChain ? chain[i] : seq.hashBlock(prev == 0 ? BlockHasher.ROOT : prev, i * bs, bs, scratch);
            if (gpu.blockForHash(h) >= 0) {
                prev = h;
                continue;
            }
            if (!cpu.contains(h) || reloads >= maxReloads || !gpu.reloadIntoFreeBlock(h)) {
                break;
            }
            pendingUs += reloadCostUs;
            cpu.touch(h);
            cpuHits++;
            reloads++;
            prev = h;
        }
        return reloads > 0;
    }

    @Override
    public void release(KvSequence seq) {
        gpu.release(seq);
    }

    /** Transfer time accumulated for the step being formed, without resetting it (µs). */
    public long pendingTransferLatencyUs() {
        return pendingUs;
    }

    @Override
    public long consumePendingTransferLatencyUs() {
        long us = pendingUs;
        pendingUs = 0;
        return us;
    }

    /** Mirrors every full hashed block of the running sequences to the CPU tier (refreshing present ones). */
    @Override
    public void afterStep(KvSequence[] running, int count) {
        for (int r = 0; r < count; r++) {
            KvSequence seq = running[r];
            for (int i = 0; i < seq.blockCount; i++) {
                int b = seq.blocks[i];
                // Only full blocks carry a hash (0 = none).
                long h = gpu.blockHash(b);
                if (h != 0) {
                    int slot = cpu.touchOrStore(h, cpuSlotHint[b]);
                    if (slot < 0) {
                        mirrored++;
                        slot = ~slot;
                    }
                    cpuSlotHint[b] = slot;
                }
            }
        }
    }

    /** GPU hits over GPU hits, GPU misses and allocations the CPU tier could not rescue. */
    @Override
    public double cacheHitRate() {
        long hits = gpu.cacheHits();
        long all = hits + gpu.cacheMisses() + cpuMisses;
        return all == 0 ? 0 : (double) hits / all;
    }

    /** Blocks reloaded from the CPU tier so far. */
    public long cpuHits() {
        return cpuHits;
    }

    /** Blocks newly stored on the CPU tier so far. */
    public long mirroredBlocks() {
        return mirrored;
    }

    /** CPU tier evictions over mirrored blocks (BLIS's KV thrashing rate); 0 before any mirror. */
    public double thrashingRate() {
        return mirrored == 0 ? 0 : (double) cpu.evictions() / mirrored;
    }

    /** Blocks on the CPU tier now. */
    public int cpuBlocksUsed() {
        return cpu.used();
    }

    /** Checks the GPU tier's block conservation (tests and end-of-run checks). */
    public void verifyConservation() {
        gpu.verifyConservation();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
