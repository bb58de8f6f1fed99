package io.blisnative.kv;

/**
 * Prefix-cache index from a block's chained content hash to the block id holding it.
 *
 * <p>Open addressing with linear probing and backward-shift deletion over one primitive array
 * holding each key next to its value, so a lookup touches one cache line and never boxes; the
 * table is sized for the number of blocks up front and kept at most half full. Key 0 is reserved
 * for "empty": {@link BlockHasher} never produces it.
 */
final class BlockHashIndex {
    /** key at 2·slot, value at 2·slot + 1. */
    private long[] table;
    private int size;
    private int mask;

    /** @param expectedEntries how many keys the index will hold at most (it grows past that if needed) */
    BlockHashIndex(int expectedEntries) {
        allocate(Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1);
    }

    private void allocate(int slots) {
        table = new long[2 * slots];
        mask = slots - 1;
    }

    int size() {
        return size;
    }

    /** The block registered for {@code hash}, or -1. */
    int get(long hash) {
        long[] t = table;
        int i = slot(hash);
        while (true) {
            long k = t[2 * i];
            if (k == hash) {
                return (int) t[2 * i + 1];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Registers {@code block} for {@code hash}, replacing any earlier block with the same content. */
    void put(long hash, int block) {
        long[] t = table;
        int i = slot(hash);
        while (true) {
            long k = t[2 * i];
            if (k == hash) {
                t[2 * i + 1] = block;
                return;
            }
            if (k == 0) {
                t[2 * i] = hash;
                t[2 * i + 1] = block;
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
        long[] t = table;
        int i = slot(hash);
        while (true) {
            long k = t[2 * i];
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
        long k;
        while ((k = t[2 * j]) != 0) {
            int home = slot(k);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                t[2 * gap] = k;
                t[2 * gap + 1] = t[2 * j + 1];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        t[2 * gap] = 0;
    }

    /** The key stored in {@code hash}'s home slot (any value; read only to bring the slot into cache). */
    long slotKey(long hash) {
        return table[2 * slot(hash)];
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 29)) & mask;
    }

    private void grow() {
        long[] old = table;
        allocate(2 * (mask + 1));
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }
}
