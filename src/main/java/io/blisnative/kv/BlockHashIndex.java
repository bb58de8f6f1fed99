package io.blisnative.kv;

import java.util.Arrays;

/**
 * Prefix-cache index from a block's chained content hash to the block id holding it.
 *
 * <p>Open addressing with linear probing and backward-shift deletion over primitive arrays, so
 * lookups on the admission path never box. Key 0 is reserved for "empty": {@link BlockHasher}
 * never produces it.
 */
final class BlockHashIndex {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    BlockHashIndex(int expectedEntries) {
        int cap = Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The block registered for {@code hash}, or -1. */
    int get(long hash) {
        int i = slot(hash);
        while (true) {
            long k = keys[i];
            if (k == hash) {
                return values[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Registers {@code block} for {@code hash}, replacing any earlier block with the same content. */
    void put(long hash, int block) {
        int i = slot(hash);
        while (true) {
            long k = keys[i];
            if (k == hash) {
                values[i] = block;
                return;
            }
            if (k == 0) {
                keys[i] = hash;
                values[i] = block;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Forgets {@code hash} whichever block it points at (BLIS deletes by key on block reuse). */
    void remove(long hash) {
        int i = slot(hash);
        while (true) {
            long k = keys[i];
            if (k == 0) {
                return;
            }
            if (k == hash) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int gap = i;
        int j = (gap + 1) & mask;
        while (keys[j] != 0) {
            int home = slot(keys[j]);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        keys[gap] = 0;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 29)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }
}
