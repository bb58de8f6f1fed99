package io.blisnative.sim;

import java.util.Arrays;

/**
 * Growable primitive long list: per-request figures of a run without boxing. Values live in
 * fixed 8192-entry chunks, so growing never copies what is stored (a million-request run would
 * otherwise leave every doubled array behind as old-generation garbage).
 */
final class LongList {
    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;

    private long[][] chunks = new long[8][];
    private int size;

    void add(long v) {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        long[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new long[CHUNK];
            chunks[c] = chunk;
        }
        chunk[size & (CHUNK - 1)] = v;
        size++;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return chunks[i >>> SHIFT][i & (CHUNK - 1)];
    }

    long[] toArray() {
        long[] out = new long[size];
        for (int c = 0, from = 0; from < size; c++, from += CHUNK) {
            System.arraycopy(chunks[c], 0, out, from, Math.min(CHUNK, size - from));
        }
        return out;
    }
}
