package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockHashIndexTest {

    @Test
    void putGetRemove_randomOperations_matchAMap() {
        // given an index started small (so it grows) and a reference map
        BlockHashIndex index = new BlockHashIndex(4);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        // when keys from a small pool (so probe chains collide and wrap) are put and removed
        for (int op = 0; op < 200_000; op++) {
            long key = 1 + random.nextInt(300) * 0x10000L;
            if (random.nextInt(3) == 0) {
                index.remove(key);
                reference.remove(key);
            } else {
                int block = random.nextInt(1000);
                index.put(key, block);
                reference.put(key, block);
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
        BlockHashIndex index = new BlockHashIndex(16);
        long[] keys = new long[5];
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
}
