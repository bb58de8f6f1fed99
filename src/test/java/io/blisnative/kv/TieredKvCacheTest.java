package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Expected lines are the state BLIS's own {@code sim/kv/cache.go} and {@code sim/kv/tiered.go}
 * (f90a1e3, built unmodified against a stub Request) print after the same call sequence:
 * block size 4, bandwidth 0.2 blocks/µs (20 µs per reloaded block), base latency 0.
 */
class TieredKvCacheTest {

    private static int[] toks(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }

    /** Drives the cache the way the batch former does and renders the Go harness's state line. */
    private static final class World {
        final BlockCache gpu;
        final TieredKvCache kv;
        final Map<String, KvSequence> seqs = new TreeMap<>();
        final Map<String, Integer> progress = new TreeMap<>();

        World(int gpuBlocks, int cpuBlocks) {
            gpu = new BlockCache(gpuBlocks, 4);
            kv = new TieredKvCache(gpu, cpuBlocks, 0.2, 0);
        }

        void add(String id, int[] input) {
            seqs.put(id, new KvSequence(input, toks(900000, 2)));
            progress.put(id, 0);
        }

        String admit(String id, int budget) {
            KvSequence s = seqs.get(id);
            int start = kv.lookupCachedPrefix(s) * 4;
            int end = Math.min(start + budget, s.inputLength());
            boolean ok = kv.allocate(s, true, start, end, true);
            if (ok) {
                progress.put(id, end);
            }
            return state(ok);
        }

        String grow(String id, int n) {
            KvSequence s = seqs.get(id);
            int start = progress.get(id);
            boolean ok = kv.allocate(s, start < s.inputLength(), start, start + n, false);
            if (ok) {
                progress.put(id, start + n);
            }
            return state(ok);
        }

        String mirror(String... ids) {
            KvSequence[] batch = new KvSequence[ids.length];
            for (int i = 0; i < ids.length; i++) {
                batch[i] = seqs.get(ids[i]);
            }
            kv.afterStep(batch, batch.length);
            return state(true);
        }

        String release(String id) {
            kv.release(seqs.get(id));
            progress.put(id, 0);
            return state(true);
        }

        String state(boolean ok) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "ok=%s used=%d hit=%.6f pending=%d cpuHits=%d", ok, kv.usedBlocks(), kv.cacheHitRate(),
                    kv.pendingTransferLatencyUs(), kv.cpuHits()));
            for (Map.Entry<String, KvSequence> e : seqs.entrySet()) {
                sb.append(' ').append(e.getKey()).append("=[");
                for (int i = 0; i < e.getValue().blockCount(); i++) {
                    sb.append(i == 0 ? "" : " ").append(e.getValue().block(i));
                }
                sb.append(']');
            }
            gpu.verifyConservation();
            return sb.toString();
        }
    }

    /** a's prompt mirrored to CPU, then evicted from GPU by b. */
    private static World evictedPrefix(int gpuBlocks, int promptLen, int[] third) {
        World w = new World(gpuBlocks, 10);
        w.add("a", toks(1, promptLen));
        w.add("b", toks(100, gpuBlocks * 4));
        w.add("c", third);
        w.admit("a", 100);
        w.mirror("a");
        w.release("a");
        w.admit("b", 100);
        w.mirror("b");
        w.release("b");
        return w;
    }

    @Test
    void allocate_prefixOnlyOnCpu_reloadsItAndChargesTheStep() {
        // given a's 3-block prompt on the CPU tier only
        World w = evictedPrefix(6, 12, concat(toks(1, 12), toks(500, 4)));
        // when c, which extends that prompt by one block, is admitted
        String line = w.admit("c", 100);
        // then three blocks come back from CPU (60 µs), become cache hits, and one fresh block follows
        assertEquals("ok=true used=4 hit=0.230769 pending=60 cpuHits=3 a=[] b=[] c=[0 1 2 5]", line);
        assertEquals(60, w.kv.consumePendingTransferLatencyUs());
        assertEquals(0, w.kv.consumePendingTransferLatencyUs());
        assertEquals("ok=true used=0 hit=0.230769 pending=0 cpuHits=3 a=[] b=[] c=[]", w.release("c"));
    }

    @Test
    void allocate_wholeRangeReloaded_commitsReloadedBlocksWithoutFreshOnes() {
        // given a's prompt only on the CPU tier
        World w = evictedPrefix(6, 12, toks(1, 12));
        // when a request with exactly that prompt is admitted
        String line = w.admit("c", 100);
        // then the reloaded blocks are all it needs
        assertEquals("ok=true used=3 hit=0.250000 pending=60 cpuHits=3 a=[] b=[] c=[0 1 2]", line);
    }

    @Test
    void allocate_reloadRecyclesCachedBlocks_failsWithTheStaleCachedListYetKeepsTheLatency() {
        // given a's 5-block prompt mirrored, then h occupying half the GPU so only a's first 3 blocks stay cached
        World w = new World(6, 10);
        w.add("a", toks(1, 20));
        w.add("h", toks(300, 12));
        w.add("c", concat(toks(1, 20), toks(700, 3)));
        w.admit("a", 100);
        w.mirror("a");
        w.release("a");
        assertEquals("ok=true used=3 hit=0.000000 pending=0 cpuHits=0 a=[] c=[] h=[5 4 3]", w.admit("h", 100));
        // when c (a's prompt plus 3 tokens) is admitted with those 3 cached blocks
        String line = w.admit("c", 100);
        // then the 2 reloads overwrite two of its cached blocks (all 3 free blocks were budgeted) and it fails
        assertEquals("ok=false used=3 hit=0.000000 pending=40 cpuHits=2 a=[] c=[] h=[5 4 3]", line);
        assertEquals(40, w.kv.consumePendingTransferLatencyUs());
    }

    @Test
    void allocate_runningRequestWithPartialLastBlock_restartsTheChainAndReloadsNothing() {
        // given a's 4-block prompt only on CPU and c (same prompt) prefilled in 6-token chunks
        World w = new World(8, 10);
        w.add("a", toks(1, 16));
        w.add("b", toks(100, 32));
        w.add("c", toks(1, 16));
        w.admit("a", 100);
        w.mirror("a");
        w.release("a");
        w.admit("b", 100);
        w.mirror("b");
        w.release("b");
        // when the chunks end mid-block, then on a block boundary
        String first = w.admit("c", 6);
        String second = w.grow("c", 6);
        String third = w.grow("c", 4);
        // then only the scan seeded from a full last block finds the CPU copy
        assertEquals("ok=true used=2 hit=0.000000 pending=0 cpuHits=0 a=[] b=[] c=[0 1]", first);
        assertEquals("ok=true used=3 hit=0.000000 pending=0 cpuHits=0 a=[] b=[] c=[0 1 2]", second);
        assertEquals("ok=true used=4 hit=0.062500 pending=20 cpuHits=1 a=[] b=[] c=[0 1 2 3]", third);
    }

    @Test
    void allocate_blockAlignedChunk_reloadsTheRestOfThePromptOnTheNextChunk() {
        // given a's 4-block prompt on neither GPU nor (for its first two blocks) CPU
        World w = evictedPrefix(8, 16, toks(1, 16));
        // when c (same prompt) prefills 8 tokens, then the next 8
        String first = w.admit("c", 8);
        long firstPending = w.kv.consumePendingTransferLatencyUs();
        String second = w.grow("c", 8);
        // then admission recomputes blocks 0 and 1 (b's 8 mirrored blocks pushed them out of the
        // 10-block CPU tier, and the scan stops at the first miss), and the second chunk, seeded
        // from a full block, reloads blocks 2 and 3
        assertEquals("ok=true used=2 hit=0.000000 pending=0 cpuHits=0 a=[] b=[] c=[0 1]", first);
        assertEquals(0, firstPending);
        assertEquals("ok=true used=4 hit=0.125000 pending=40 cpuHits=2 a=[] b=[] c=[0 1 2 3]", second);
    }

    @Test
    void allocate_reloadCommittedPastTheChunkEnd_laterBlocksHoldTheTokensThatFollowToTheLast() {
        // given c's 3-block prompt only on the CPU tier, admitted with a 6-token chunk: the
        // reload commits blocks 0 and 1 whole (positions 0-7), two positions past the chunk's end
        World w = evictedPrefix(6, 12, toks(1, 12));
        String admitted = w.admit("c", 6);
        // when the rest of the prompt and both output tokens follow: BLIS appends them after the
        // held blocks, so positions 6 and 7 are held twice and the later blocks start two
        // positions before their index says
        String prompt = w.grow("c", 6);
        w.grow("c", 1);
        String last = w.grow("c", 1);
        // then the last token fills block 3, hashed over the sequence's last four positions
        // (10-13) chained on block 2's, instead of reading past the end
        assertEquals("ok=true used=2 hit=0.181818 pending=60 cpuHits=3 a=[] b=[] c=[0 1]", admitted);
        assertEquals("ok=true used=4 hit=0.153846 pending=60 cpuHits=3 a=[] b=[] c=[0 1 5 4]", prompt);
        assertEquals(prompt, last);
        KvSequence c = w.seqs.get("c");
        long block2 = BlockChain.hashBlock(toks(1, 12), toks(900000, 2), w.gpu.blockHash(c.block(1)), 6, 4,
                new int[4]);
        assertEquals(block2, w.gpu.blockHash(c.block(2)));
        assertEquals(BlockChain.hashBlock(toks(1, 12), toks(900000, 2), block2, 10, 4, new int[4]),
                w.gpu.blockHash(c.block(3)));
    }

    @Test
    void allocate_cpuTierFull_evictsLeastRecentlyMirrored() {
        // given a 2-block CPU tier that mirrors a, then b (evicting a)
        World w = new World(4, 2);
        w.add("a", toks(1, 8));
        w.add("b", toks(100, 8));
        w.add("c", toks(200, 8));
        w.admit("a", 100);
        w.mirror("a");
        w.release("a");
        w.admit("b", 100);
        w.mirror("b");
        w.release("b");
        w.admit("c", 100);
        w.release("c");
        // when a and then b come back after their GPU copies were recycled
        String aLine = w.admit("a", 100);
        long aPending = w.kv.consumePendingTransferLatencyUs();
        w.release("a");
        String bLine = w.admit("b", 100);
        // then a is gone from both tiers and recomputed, while b reloads from CPU
        assertEquals("ok=true used=2 hit=0.000000 pending=0 cpuHits=0 a=[3 2] b=[] c=[]", aLine);
        assertEquals(0, aPending);
        assertEquals("ok=true used=2 hit=0.200000 pending=40 cpuHits=2 a=[] b=[0 1] c=[]", bLine);
    }

    @Test
    void constructor_invalidTierSettings_rejected() {
        BlockCache gpu = new BlockCache(4, 4);
        assertThrows(IllegalArgumentException.class, () -> new TieredKvCache(gpu, 0, 0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> new TieredKvCache(gpu, 4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TieredKvCache(gpu, 4, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new TieredKvCache(gpu, 4, 0.2, -1));
    }
}
