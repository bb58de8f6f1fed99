package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockHashIndexTest {

    @Test
    void putGetRemove_blocksRegisteredAndRecycledAtRandom_matchAMap() {
        // given an index started small (so it grows), the blocks' hash array, and a reference map
        long[] hashOf = new long[1000];
        BlockHashIndex index = new BlockHashIndex(4, hashOf, 1);
        Map<Long, Integer> reference = new HashMap<>();
        List<Integer> hashed = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        // when blocks take hashes from a small pool (so two blocks can hold the same hash, and probe
        // chains collide and wrap) and are recycled, as the block cache does
        for (int op = 0; op < 200_000; op++) {
            long key = 1 + random.nextInt(300) * 0x10000L;
            if (!hashed.isEmpty() && random.nextInt(3) == 0) {
                int b = hashed.remove(random.nextInt(hashed.size()));
                index.remove(hashOf[b]);
                reference.remove(hashOf[b]);
                hashOf[b] = 0;
            } else {
                int b = random.nextInt(1000);
                if (hashOf[b] != 0) {
                    continue;
                }
                hashOf[b] = key;
                hashed.add(b);
                index.put(key, b);
                reference.put(key, b);
            }
            // then every lookup agrees with the map
            long probe = 1 + random.nextInt(300) * 0x10000L;
            assertEquals(reference.getOrDefault(probe, -1), index.get(probe), "op " + op);
        }
        assertEquals(reference.size(), index.size());
    }

    @Test
    void remove_keyInTheMiddleOfAWrappedChain_keepsTheRestReachable() {
        // given keys that all land on the last slot of a 32-slot table, so their chain wraps to slot 0
        long[] keys = new long[5];
        BlockHashIndex index = new BlockHashIndex(16, keys, 1);
        int found = 0;
        for (long k = 1; found < keys.length; k++) {
            if (((int) (k ^ (k >>> 29)) & 31) == 31) {
                keys[found++] = k;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
        // when the second key is removed
        index.remove(keys[1]);
        // then the others are still found and the removed one is not
        assertEquals(-1, index.get(keys[1]));
        for (int i : new int[] {0, 2, 3, 4}) {
            assertEquals(i, index.get(keys[i]));
        }
    }

    @Test
    void getRemove_hashesWithTheSameFingerprint_toldApartByTheFullHash() {
        // given two hashes that differ only in their top bits (same 32-bit fingerprint, same slot),
        // registered for blocks 3 and 7 of a two-longs-per-block record array
        long h1 = 0x0123456789ABCDEFL;
        long h2 = h1 + (1L << 61);
        long[] records = new long[20];
        BlockHashIndex index = new BlockHashIndex(8, records, 2);
        records[3 * 2] = h1;
        index.put(h1, 3);
        records[7 * 2] = h2;
        index.put(h2, 7);
        // when / then
        assertEquals(3, index.get(h1));
        assertEquals(7, index.get(h2));
        assertEquals(-1, index.get(h1 + (2L << 61)), "same fingerprint, never registered");
        index.remove(h1);
        assertEquals(-1, index.get(h1));
        assertEquals(7, index.get(h2));
        assertEquals(1, index.size());
    }
}
