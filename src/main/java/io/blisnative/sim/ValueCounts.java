package io.blisnative.sim;

import java.util.Arrays;

/**
 * Exact multiset of long values (value → count) over open addressing.
 *
 * <p>Inter-token gaps are step times, so a run with hundreds of millions of gaps has only a few
 * thousand distinct values: counting them keeps exact percentiles at a tiny fraction of the
 * memory a list of every gap would take.
 */
final class ValueCounts {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private long[] counts;
    private int distinct;
    private long total;
    private long sum;
    /** Slot of the value added last: consecutive gaps of a request are often equal step times. */
    private int lastSlot = -1;

    ValueCounts() {
        keys = new long[1024];
        counts = new long[1024];
        Arrays.fill(keys, EMPTY);
    }

    void add(long value) {
        addCount(value, 1);
    }

    void addCount(long value, long n) {
        if (value == EMPTY) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        int i = lastSlot >= 0 && keys[lastSlot] == value ? lastSlot : find(keys, value);
        if (keys[i] == EMPTY) {
            keys[i] = value;
            distinct++;
        }
        counts[i] += n;
        total += n;
        sum += value * n;
        lastSlot = i;
        if (distinct * 2 > keys.length) {
            grow();
            lastSlot = -1;
        }
    }

    private static int find(long[] table, long value) {
        int mask = table.length - 1;
        int i = (int) (value * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (table[i] != EMPTY && table[i] != value) {
            i = (i + 1) & mask;
        }
        return i;
    }

    long total() {
        return total;
    }

    long sum() {
        return sum;
    }

    /** Distinct values ascending with their counts: {values, counts}. */
    long[][] sorted() {
        long[] vals = new long[distinct];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                vals[n++] = k;
            }
        }
        Arrays.sort(vals);
        long[] cnt = new long[distinct];
        for (int j = 0; j < distinct; j++) {
            cnt[j] = countOf(vals[j]);
        }
        return new long[][] {vals, cnt};
    }

    private long countOf(long value) {
        return counts[find(keys, value)];
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = find(keys, oldKeys[i]);
                keys[j] = oldKeys[i];
                counts[j] = oldCounts[i];
            }
        }
    }
}
