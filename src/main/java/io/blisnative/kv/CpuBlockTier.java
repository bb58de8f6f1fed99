package io.blisnative.kv;

/**
 * The CPU tier of a {@link TieredKvCache}: an LRU set of block content hashes with fixed
 * capacity (BLIS's cpuTier). Only hashes are kept: a reloaded block's own hash is all the GPU
 * cache needs, since the next block's hash chains on it.
 *
 * <p>Slots are primitive arrays linked in LRU order (head = least recently stored or touched);
 * storing into a full tier evicts the head first.
 */
final class CpuBlockTier {
    private static final int NONE = -1;

    private final int capacity;
    private final BlockHashIndex slotOf;
    private final long[] slotHash;
    private final int[] prev;
    private final int[] next;
    private final int[] freeSlots;
    private int freeSlotCount;
    private int head = NONE;
    private int tail = NONE;
    private int used;
    private long evictions;

    CpuBlockTier(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("cpu tier capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
        slotHash = new long[capacity];
        slotOf = new BlockHashIndex(Math.min(capacity, 1 << 16), slotHash, 1);
        prev = new int[capacity];
        next = new int[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeSlotCount = capacity;
    }

    boolean contains(long h) {
        return slotOf.get(h) >= 0;
    }

    /** Marks {@code h} most recently used; no-op if absent. */
    void touch(long h) {
        int s = slotOf.get(h);
        if (s >= 0) {
            moveToTail(s);
        }
    }

    /**
     * Marks {@code h} most recently used, storing it first if absent (evicting the least recently
     * used when full), with one index lookup. This runs for every full block of every running
     * sequence after every step.
     *
     * @return true if {@code h} was stored, false if it was present
     */
    boolean touchOrStore(long h) {
        return touchOrStore(h, NONE) < 0;
    }

    /**
     * {@link #touchOrStore(long)} given where {@code h} was last seen: when slot {@code hint}
     * still holds {@code h} (a hash is in at most one slot, and a freed slot holds none), the
     * index lookup is skipped. The mirror touches the same blocks step after step, and that lookup
     * was a random read of the index for each of them.
     *
     * @return the slot of {@code h}, as {@code ~slot} if it was stored now
     */
    int touchOrStore(long h, int hint) {
        int s = hint >= 0 && hint < capacity && slotHash[hint] == h ? hint : slotOf.get(h);
        if (s < 0) {
            return ~storeAbsent(h);
        }
        moveToTail(s);
        return s;
    }

    /** Adds absent {@code h} as most recently used, evicting the least recently used when full; returns its slot. */
    private int storeAbsent(long h) {
        if (used >= capacity) {
            evictHead();
        }
        int s = freeSlots[--freeSlotCount];
        slotHash[s] = h;
        slotOf.put(h, s);
        appendTail(s);
        used++;
        return s;
    }

    int used() {
        return used;
    }

    long evictions() {
        return evictions;
    }

    private void evictHead() {
        int s = head;
        unlink(s);
        slotOf.remove(slotHash[s]);
        slotHash[s] = 0;
        freeSlots[freeSlotCount++] = s;
        used--;
        evictions++;
    }

    private void moveToTail(int s) {
        if (s != tail) {
            unlink(s);
            appendTail(s);
        }
    }

    private void appendTail(int s) {
        prev[s] = tail;
        next[s] = NONE;
        if (tail != NONE) {
            next[tail] = s;
        } else {
            head = s;
        }
        tail = s;
    }

    private void unlink(int s) {
        int p = prev[s];
        int n = next[s];
        if (p != NONE) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n != NONE) {
            prev[n] = p;
        } else {
            tail = p;
        }
        prev[s] = NONE;
        next[s] = NONE;
    }
}
