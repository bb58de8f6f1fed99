package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockCacheTest {

    private static int[] tokens(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }

    @Test
    void allocate_prefillChunks_fillsPartialBlockBeforeTakingNewOnes() {
        // given a cache of 10 blocks of 16 tokens and a 40-token prompt
        BlockCache cache = new BlockCache(10, 16);
        KvSequence seq = new KvSequence(tokens(0, 40), tokens(1000, 5));
        // when it is computed in chunks of 20 and 20
        assertTrue(cache.allocate(seq, true, 0, 20, false));
        assertEquals(2, cache.usedBlocks());
        assertTrue(cache.allocate(seq, true, 20, 40, false));
        // then 40 tokens take ceil(40/16) = 3 blocks, the second chunk filling block 2 first
        assertEquals(3, cache.usedBlocks());
        assertEquals(3, seq.blockCount());
        cache.verifyConservation();
    }

    @Test
    void allocate_notEnoughFreeBlocks_failsWithoutChangingAnything() {
        // given a cache of 2 blocks
        BlockCache cache = new BlockCache(2, 16);
        KvSequence seq = new KvSequence(tokens(0, 40), new int[0]);
        // when 40 tokens (3 blocks) are requested
        boolean ok = cache.allocate(seq, true, 0, 40, false);
        // then it fails and nothing is held
        assertFalse(ok);
        assertEquals(0, cache.usedBlocks());
        assertEquals(0, seq.blockCount());
        cache.verifyConservation();
    }

    @Test
    void lookupCachedPrefix_afterRelease_reusesFullPromptBlocksOnly() {
        // given a request with a 40-token prompt computed and released
        BlockCache cache = new BlockCache(10, 16);
        int[] shared = tokens(0, 32);
        KvSequence first = new KvSequence(concat(shared, tokens(500, 8)), new int[0]);
        cache.allocate(first, true, 0, 40, false);
        cache.release(first);
        assertEquals(0, cache.usedBlocks());
        // when a second prompt shares its first 32 tokens (2 full blocks)
        KvSequence second = new KvSequence(concat(shared, tokens(900, 20)), new int[0]);
        int cached = cache.lookupCachedPrefix(second);
        // then both full shared blocks hit, the partial third does not
        assertEquals(2, cached);
        assertTrue(cache.allocate(second, true, 32, 52, true));
        assertEquals(4, second.blockCount());
        assertEquals(2.0 / 7.0, cache.cacheHitRate(), 1e-12);
        cache.verifyConservation();
    }

    @Test
    void lookupCachedPrefix_blockReusedForOtherContent_missesLazilyEvictedHash() {
        // given a released 32-token prompt in a 2-block cache
        BlockCache cache = new BlockCache(2, 16);
        KvSequence first = new KvSequence(tokens(0, 32), new int[0]);
        cache.allocate(first, true, 0, 32, false);
        cache.release(first);
        // when another prompt takes both blocks for different content and releases them
        KvSequence other = new KvSequence(tokens(100, 32), new int[0]);
        assertEquals(0, cache.lookupCachedPrefix(other));
        cache.allocate(other, true, 0, 32, false);
        cache.release(other);
        // then the first prompt's content is gone from the index
        assertEquals(0, cache.lookupCachedPrefix(new KvSequence(tokens(0, 32), new int[0])));
        assertEquals(2, cache.lookupCachedPrefix(new KvSequence(tokens(100, 32), new int[0])));
    }

    @Test
    void release_sharedBlocks_freedOnlyWhenLastHolderLeaves() {
        // given two requests holding the same cached 16-token prefix
        BlockCache cache = new BlockCache(4, 16);
        KvSequence a = new KvSequence(concat(tokens(0, 16), tokens(50, 4)), new int[0]);
        cache.allocate(a, true, 0, 20, false);
        KvSequence b = new KvSequence(concat(tokens(0, 16), tokens(70, 4)), new int[0]);
        assertEquals(1, cache.lookupCachedPrefix(b));
        cache.allocate(b, true, 16, 20, true);
        assertEquals(3, cache.usedBlocks());
        // when the first leaves
        cache.release(a);
        // then the shared block is still held by the second
        assertEquals(2, cache.usedBlocks());
        cache.release(b);
        assertEquals(0, cache.usedBlocks());
        cache.verifyConservation();
    }

    @Test
    void allocate_decode_needsNewBlockOnlyWhenLastIsFull() {
        // given a 16-token prompt filling exactly one block in a 2-block cache
        BlockCache cache = new BlockCache(2, 16);
        KvSequence seq = new KvSequence(tokens(0, 16), tokens(100, 20));
        cache.allocate(seq, true, 0, 16, false);
        // when decode tokens follow
        assertTrue(cache.allocate(seq, false, 16, 17, false));
        assertEquals(2, cache.usedBlocks());
        for (int p = 17; p < 32; p++) {
            assertTrue(cache.allocate(seq, false, p, p + 1, false));
        }
        // then the 33rd token needs a third block that does not exist
        assertFalse(cache.allocate(seq, false, 32, 33, false));
        assertEquals(2, cache.usedBlocks());
        cache.verifyConservation();
    }

    @Test
    void release_returnsBlocksToTailInReverseOrder_leastRecentlyFreedReusedFirst() {
        // given one request holding blocks 0,1,2 and 7 blocks still free
        BlockCache cache = new BlockCache(10, 16);
        KvSequence a = new KvSequence(tokens(0, 48), new int[0]);
        cache.allocate(a, true, 0, 48, false);
        assertEquals(0, a.block(0));
        cache.release(a);
        // when the whole cache is taken again
        KvSequence b = new KvSequence(tokens(1000, 160), new int[0]);
        cache.allocate(b, true, 0, 160, false);
        // then the never-used blocks come first, then the freed ones last-first (2, 1, 0)
        assertEquals(3, b.block(0));
        assertEquals(2, b.block(7));
        assertEquals(1, b.block(8));
        assertEquals(0, b.block(9));
    }

    @Test
    void register_unsharedPrompt_keepsDeeperBlocksOutOfTheIndexUntilItsRootIsHit() {
        // given a released 48-token prompt (3 blocks) nobody else shares
        BlockCache cache = new BlockCache(10, 16);
        computeAndRelease(cache, tokens(0, 48));
        // then its root is indexed and the 2 deeper blocks wait outside the index
        assertEquals(2, cache.deferredBlocks());
        // when the same prompt comes again
        KvSequence again = new KvSequence(tokens(0, 48), new int[0]);
        // then the root hit indexes the chain and all 3 blocks are found, as with a plain hash map
        assertEquals(3, cache.lookupCachedPrefix(again));
        assertEquals(0, cache.deferredBlocks());
    }

    @Test
    void indexEveryBlock_indexesWaitingBlocks_andDefersNoMore() {
        // given a prompt whose 2 deeper blocks wait outside the index
        BlockCache cache = new BlockCache(10, 16);
        KvSequence first = computeAndRelease(cache, tokens(0, 48));
        assertEquals(2, cache.deferredBlocks());
        // when the cache switches to indexing everything (as a lower tier needs)
        cache.indexEveryBlock();
        // then every block is found by its hash directly, and new blocks are indexed at once
        assertEquals(0, cache.deferredBlocks());
        KvSequence other = new KvSequence(tokens(100, 48), new int[0]);
        cache.allocate(other, true, 0, 48, false);
        assertEquals(0, cache.deferredBlocks());
        long[] chain = first.chain(16);
        assertTrue(cache.blockForHash(chain[2]) >= 0);
    }

    private static KvSequence computeAndRelease(BlockCache cache, int[] prompt) {
        KvSequence seq = new KvSequence(prompt, new int[0]);
        assertTrue(cache.allocate(seq, true, 0, prompt.length, false));
        cache.release(seq);
        return seq;
    }
}
