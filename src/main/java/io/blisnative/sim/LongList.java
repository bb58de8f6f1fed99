package io.blisnative.sim;

import java.util.Arrays;

/** Growable primitive long list: per-request figures of a run without boxing. */
final class LongList {
    private long[] values = new long[256];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return values[i];
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
