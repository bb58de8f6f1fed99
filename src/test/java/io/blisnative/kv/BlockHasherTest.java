package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockHasherTest {

    @Test
    void hash_singleTokenChanged_neverCollides() {
        // given random blocks of the sizes vLLM uses, and odd sizes that exercise the tail rounds
        SplittableRandom random = new SplittableRandom(7);
        for (int size : new int[] {1, 3, 8, 15, 16, 17, 32}) {
            int[] block = random.ints(size, 0, 128_000).toArray();
            long original = BlockHasher.hash(BlockHasher.ROOT, block, 0, size);
            Set<Long> seen = new HashSet<>();
            seen.add(original);
            // when each position in turn takes each of several other ids
            for (int p = 0; p < size; p++) {
                int kept = block[p];
                for (int delta = 1; delta <= 50; delta++) {
                    block[p] = (kept + delta * 2_557) % 128_000;
                    // then every variant hashes differently from the original and from each other
                    seen.add(BlockHasher.hash(BlockHasher.ROOT, block, 0, size));
                }
                block[p] = kept;
            }
            assertEquals(1 + size * 50, seen.size(), "block size " + size);
        }
    }

    @Test
    void hash_sameTokensDifferentChain_differs() {
        // given one block of tokens
        int[] block = IntStream.range(0, 16).toArray();
        // when it is chained on two different predecessors
        long a = BlockHasher.hash(BlockHasher.ROOT, block, 0, 16);
        long b = BlockHasher.hash(a, block, 0, 16);
        // then the hashes differ: equal hashes mean equal whole prefixes
        assertNotEquals(a, b);
        assertEquals(a, BlockHasher.hash(BlockHasher.ROOT, block, 0, 16));
    }

    @Test
    void hash_manyRandomBlocks_noCollisionAndNeverZero() {
        // given a million random 16-token blocks chained on one root
        SplittableRandom random = new SplittableRandom(11);
        int[] block = new int[16];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            for (int t = 0; t < 16; t++) {
                block[t] = random.nextInt(128_000);
            }
            long h = BlockHasher.hash(BlockHasher.ROOT, block, 0, 16);
            // then no hash is the index's empty key and none repeats
            assertNotEquals(0L, h);
            seen.add(h);
        }
        assertEquals(1_000_000, seen.size());
    }

    @Test
    void hashBlock_spanningPromptAndOutput_equalsHashOfTheJoinedTokens() {
        // given a 20-token prompt and 12 output tokens
        int[] prompt = IntStream.range(100, 120).toArray();
        int[] output = IntStream.range(500, 512).toArray();
        KvSequence seq = new KvSequence(prompt, output);
        int[] joined = IntStream.concat(IntStream.of(prompt), IntStream.of(output)).toArray();
        int[] scratch = new int[16];
        // when blocks inside the prompt, across its end and inside the output are hashed
        for (int from : new int[] {0, 4, 16, 20}) {
            // then each equals the plain hash of the same positions, read through any path
            long expected = BlockHasher.hash(BlockHasher.ROOT, joined, from, 12);
            assertEquals(expected, seq.hashBlock(BlockHasher.ROOT, from, 12, scratch), "from " + from);
            assertEquals(expected, BlockHasher.hash(BlockHasher.ROOT, seq, from, 12), "from " + from);
        }
        // and a block past the last token is an error, not a hash of garbage
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> seq.hashBlock(BlockHasher.ROOT, 24, 16, scratch));
    }
}
