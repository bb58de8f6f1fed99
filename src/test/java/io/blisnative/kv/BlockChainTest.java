package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockChainTest {

    /** The chain hashed straight from the concatenated tokens, block by block. */
    private static long[] reference(int[] input, int[] output, int blockSize) {
        int[] all = new int[input.length + output.length];
        System.arraycopy(input, 0, all, 0, input.length);
        System.arraycopy(output, 0, all, input.length, output.length);
        long[] chain = new long[all.length / blockSize];
        long prev = BlockHasher.ROOT;
        for (int i = 0; i < chain.length; i++) {
            prev = BlockHasher.hash(prev, all, i * blockSize, blockSize);
            chain[i] = prev;
        }
        return chain;
    }

    @Test
    void of_anyLengthsAndBlockSizes_sameAsTheSequenceComputesItself() {
        // given prompts and outputs of many lengths, so blocks start, end and span the prompt's end anywhere
        SplittableRandom random = new SplittableRandom(11);
        for (int blockSize : new int[] {1, 5, 16, 32}) {
            for (int trial = 0; trial < 200; trial++) {
                int[] input = random.ints(random.nextInt(0, 150), 0, 128_000).toArray();
                int[] output = random.ints(random.nextInt(0, 90), 0, 128_000).toArray();
                long[] expected = reference(input, output, blockSize);
                // when / then
                assertArrayEquals(expected, BlockChain.of(input, output, blockSize).hashes());
                assertArrayEquals(expected, new KvSequence(input, output).chain(blockSize));
            }
        }
    }

    @Test
    void chain_precomputedForTheCacheBlockSize_usedAsIs() {
        // given a sequence that came with its chain for 16-token blocks
        int[] input = new SplittableRandom(3).ints(100, 0, 1000).toArray();
        int[] output = new int[40];
        BlockChain given = BlockChain.of(input, output, 16);
        KvSequence seq = new KvSequence(input, output, given);
        // when / then the cache's lookup finds it ready, and hashBlock agrees with it
        assertSame(given.hashes(), seq.chain(16));
        assertEquals(given.hashes()[6], seq.hashBlock(given.hashes()[5], 96, 16, new int[16]));
    }

    @Test
    void chain_precomputedForAnotherBlockSize_computedAfresh() {
        // given a chain for 32-token blocks and a cache of 16-token blocks
        int[] input = new SplittableRandom(4).ints(100, 0, 1000).toArray();
        int[] output = new int[40];
        BlockChain given = BlockChain.of(input, output, 32);
        KvSequence seq = new KvSequence(input, output, given);
        // when
        long[] chain = seq.chain(16);
        // then
        assertNotSame(given.hashes(), chain);
        assertArrayEquals(reference(input, output, 16), chain);
        assertSame(given.hashes(), seq.chain(32), "and the given one again for its own block size");
    }

    @Test
    void constructor_badBlockSizeOrHashes_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> new BlockChain(0, new long[0]));
        assertThrows(IllegalArgumentException.class, () -> new BlockChain(16, null));
        assertThrows(IllegalArgumentException.class, () -> BlockChain.of(new int[4], new int[0], -1));
    }
}
