package io.blisnative.kv;

/**
 * Prefix-cache index from a block's chained content hash to the block id holding it.
 *
 * <p>Open addressing with linear probing and backward-shift deletion over one primitive array, so
 * nothing boxes; the table is sized for the number of blocks up front (see the constructor) and
 * kept at most half full.
 * Registrations and recyclings land on random slots of a table larger than the core's cache, so
 * its size in bytes is what they pay for: a slot is one long holding the block id and a 32-bit
 * fingerprint of the hash, not the hash itself. The full hash is read from the owner's per-block
 * array ({@code hashOf}), and only when a fingerprint matches: a recycled block's own record,
 * which its owner has just read, or a hit the owner is about to use. The fingerprint's low bits
 * are the slot number, so deletion finds an entry's home slot without that read.
 *
 * <p>Contract with the owner: while {@code hash} is registered for a block,
 * {@code hashOf[block · stride] == hash} (write the hash there before {@link #put}, change it
 * only after {@link #remove}). Hash 0 marks a block without one: {@link BlockHasher} never
 * produces it.
 */
final class BlockHashIndex {
    private final long[] hashOf;
    private final int stride;
    /** (fingerprint &lt;&lt; 32) | (block + 1); 0 = empty. */
    private long[] table;
    private int size;
    private int mask;

    /**
     * @param expectedEntries how many keys the index will hold at most (it grows past that if needed)
     * @param hashOf          the hash registered for block b at {@code hashOf[b · stride]}
     */
    BlockHashIndex(int expectedEntries, long[] hashOf, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        this.hashOf = hashOf;
        this.stride = stride;
        // At most a quarter full for caches of up to 2^18 blocks: recycling a block removes one
        // key and registers another, and at higher loads the probe and shift loops' exits are
        // mispredicted often enough to double their cost (measured: 62 vs 38 ns a pair at 28,181
        // blocks). Larger caches settle for half full, to keep the table's memory in proportion.
        int factor = expectedEntries <= 1 << 18 ? 4 : 2;
        allocate(Integer.highestOneBit(Math.max(16, expectedEntries * factor - 1)) << 1);
    }

    private void allocate(int slots) {
        table = new long[slots];
        mask = slots - 1;
    }

    int size() {
        return size;
    }

    /** The block registered for {@code hash}, or -1. */
    int get(long hash) {
        long[] t = table;
        int f = fingerprint(hash);
        int i = f & mask;
        while (true) {
            long e = t[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == f && hashOf[block(e) * stride] == hash) {
                return block(e);
            }
            i = (i + 1) & mask;
        }
    }

    /** Registers {@code block} for {@code hash}, replacing any earlier block with the same content. */
    void put(long hash, int block) {
        long[] t = table;
        int f = fingerprint(hash);
        int i = f & mask;
        while (true) {
            long e = t[i];
            if (e == 0) {
                t[i] = entry(f, block);
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return;
            }
            if ((int) (e >>> 32) == f && hashOf[block(e) * stride] == hash) {
                t[i] = entry(f, block);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Forgets {@code hash} whichever block it points at (BLIS deletes by key on block reuse). */
    void remove(long hash) {
        long[] t = table;
        int f = fingerprint(hash);
        int i = f & mask;
        while (true) {
            long e = t[i];
            if (e == 0) {
                return;
            }
            if ((int) (e >>> 32) == f && hashOf[block(e) * stride] == hash) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int gap = i;
        int j = (gap + 1) & mask;
        long e;
        while ((e = t[j]) != 0) {
            int home = (int) (e >>> 32) & mask;
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                t[gap] = e;
                gap = j;
            }
            j = (j + 1) & mask;
        }
        t[gap] = 0;
    }

    /** The slot {@code hash} probes first (any value; read only to bring the slot into cache). */
    long slotKey(long hash) {
        return table[fingerprint(hash) & mask];
    }

    /** Hash bits folded to 32: the slot is its low bits, the rest tells most other keys apart. */
    private static int fingerprint(long hash) {
        return (int) (hash ^ (hash >>> 29));
    }

    private static long entry(int fingerprint, int block) {
        return ((long) fingerprint << 32) | (block + 1L);
    }

    private static int block(long entry) {
        return (int) entry - 1;
    }

    private void grow() {
        long[] old = table;
        allocate(2 * (mask + 1));
        for (long e : old) {
            if (e != 0) {
                int i = (int) (e >>> 32) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = e;
            }
        }
    }
}
