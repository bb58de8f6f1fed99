package io.blisnative.kv;

/**
 * The free blocks in the order they were freed (least recently freed first), with removal of any
 * block in O(1): vLLM's free block queue.
 *
 * <p>A ring of block ids rather than a linked list: the blocks popped next are read sequentially
 * instead of by chasing links through scattered per-block records, so a prefill taking twenty
 * blocks does not wait for twenty cache misses in a row. A block removed from the middle (a
 * prefix-cache hit on a freed block) leaves a gap that the head skips; the ring is compacted when
 * gaps fill it, which is rare since it has room for twice the blocks.
 */
final class FreeBlockQueue {
    private static final int GAP = -1;

    private int[] ring;
    private int mask;
    /** Ring index of the oldest slot, and the number of slots from there in use (gaps included). */
    private int head;
    private int span;
    private int live;
    /** Ring index holding each block, or -1 when the block is not free. */
    private final int[] slotOf;

    /** A queue holding every block, in id order. */
    FreeBlockQueue(int totalBlocks) {
        int capacity = Integer.highestOneBit(Math.max(2, totalBlocks) * 2 - 1) << 1;
        ring = new int[capacity];
        mask = capacity - 1;
        slotOf = new int[totalBlocks];
        for (int b = 0; b < totalBlocks; b++) {
            ring[b] = b;
            slotOf[b] = b;
        }
        span = totalBlocks;
        live = totalBlocks;
    }

    int size() {
        return live;
    }

    boolean contains(int block) {
        return slotOf[block] >= 0;
    }

    /** Removes and returns the least recently freed block; the queue must not be empty. */
    int poll() {
        int b;
        while ((b = ring[head]) == GAP) {
            head = (head + 1) & mask;
            span--;
        }
        head = (head + 1) & mask;
        span--;
        live--;
        slotOf[b] = -1;
        return b;
    }

    /** Appends {@code block} as the most recently freed. */
    void add(int block) {
        if (span == ring.length) {
            compact();
        }
        int slot = (head + span) & mask;
        ring[slot] = block;
        slotOf[block] = slot;
        span++;
        live++;
    }

    /** Takes {@code block} out of the queue wherever it is. */
    void remove(int block) {
        ring[slotOf[block]] = GAP;
        slotOf[block] = -1;
        live--;
    }

    /**
     * Copies the next {@code n} blocks {@link #poll} would return (at most {@link #size()}) into
     * {@code out}; returns how many.
     */
    int peek(int n, int[] out) {
        int found = 0;
        for (int i = 0; i < span && found < n; i++) {
            int b = ring[(head + i) & mask];
            if (b != GAP) {
                out[found++] = b;
            }
        }
        return found;
    }

    private void compact() {
        int[] fresh = new int[ring.length];
        int n = 0;
        for (int i = 0; i < span; i++) {
            int b = ring[(head + i) & mask];
            if (b != GAP) {
                fresh[n] = b;
                slotOf[b] = n;
                n++;
            }
        }
        ring = fresh;
        head = 0;
        span = n;
    }
}
