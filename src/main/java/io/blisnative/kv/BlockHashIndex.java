package io.blisnative.kv;

/**
 * Prefix-cache index from a block's chained content hash to the block id holding it.
 *
 * <p>Open addressing with linear probing and backward-shift deletion over primitive arrays, so
 * nothing boxes; the table is sized for the number of blocks up front and kept at most half full.
 * Keys and values sit in separate arrays: every registration and recycling probes keys, but only
 * a hit reads a value, and the key array alone is half the size, so more of it stays in cache.
 * Key 0 is reserved for "empty": {@link BlockHasher} never produces it.
 */
final class BlockHashIndex {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    /** @param expectedEntries how many keys the index will hold at most (it grows past that if needed) */
    BlockHashIndex(int expectedEntries) {
        allocate(Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1);
    }

    private void allocate(int slots) {
        keys = new long[slots];
        values = new int[slots];
        mask = slots - 1;
    }

    int size() {
        return size;
    }

    /** The block registered for {@code hash}, or -1. */
    int get(long hash) {
        long[] k = keys;
        int i = slot(hash);
        while (true) {
            long key = k[i];
            if (key == hash) {
                return values[i];
            }
            if (key == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Registers {@code block} for {@code hash}, replacing any earlier block with the same content. */
    void put(long hash, int block) {
        long[] k = keys;
        int i = slot(hash);
        while (true) {
            long key = k[i];
            if (key == hash) {
                values[i] = block;
                return;
            }
            if (key == 0) {
                k[i] = hash;
                values[i] = block;
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Forgets {@code hash} whichever block it points at (BLIS deletes by key on block reuse). */
    void remove(long hash) {
        long[] k = keys;
        int i = slot(hash);
        while (true) {
            long key = k[i];
            if (key == 0) {
                return;
            }
            if (key == hash) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int gap = i;
        int j = (gap + 1) & mask;
        long key;
        while ((key = k[j]) != 0) {
            int home = slot(key);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                k[gap] = key;
                values[gap] = values[j];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        k[gap] = 0;
    }

    /** The key stored in {@code hash}'s home slot (any value; read only to bring the slot into cache). */
    long slotKey(long hash) {
        return keys[slot(hash)];
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 29)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(2 * (mask + 1));
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
