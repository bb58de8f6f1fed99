package io.blisnative.sim;

import java.util.Arrays;

/**
 * Recycles the arrays requests keep their inter-token gaps in until they complete: a request
 * takes one at its first decode token, sized for its whole output, and hands it back when it
 * leaves, so a long run stops allocating them once the pool holds arrays large enough.
 */
final class ItlBuffers {
    static final long[] NONE = new long[0];
    private static final int MIN_LENGTH = 16;

    private long[][] free = new long[64][];
    private int count;

    /** An array of at least {@code length} entries whose first {@code used} equal {@code current}'s. */
    long[] grow(long[] current, int used, int length) {
        long[] next = take(Math.max(length, Math.max(MIN_LENGTH, used * 2)));
        System.arraycopy(current, 0, next, 0, used);
        give(current);
        return next;
    }

    /** Returns {@code buffer} to the pool (its content is garbage from now on). */
    void give(long[] buffer) {
        if (buffer.length == 0) {
            return;
        }
        if (count == free.length) {
            free = Arrays.copyOf(free, count * 2);
        }
        free[count++] = buffer;
    }

    private long[] take(int length) {
        while (count > 0) {
            long[] b = free[--count];
            free[count] = null;
            if (b.length >= length) {
                return b;
            }
        }
        return new long[length];
    }
}
