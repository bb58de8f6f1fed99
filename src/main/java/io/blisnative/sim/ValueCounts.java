package io.blisnative.sim;

import java.util.Arrays;

/**
 * Exact multiset of long values (value → count) over open addressing, each value stored next to
 * its count.
 *
 * <p>Inter-token gaps are step times, so a run with hundreds of millions of gaps has only a few
 * thousand distinct values: counting them keeps exact percentiles at a tiny fraction of the
 * memory a list of every gap would take. Counts may be taken back ({@code n < 0}) down to zero;
 * values whose count is zero are left out of {@link #sorted()}.
 */
final class ValueCounts {
    private static final long EMPTY = Long.MIN_VALUE;
    /** value at 2·slot, count at 2·slot + 1. */
    private long[] table;
    private int mask;
    private int distinct;
    private long total;
    private long sum;
    /** Slot of the value added last: the next value is often the same step time. */
    private int lastSlot = -1;

    ValueCounts() {
        allocate(1024);
    }

    private void allocate(int slots) {
        table = new long[2 * slots];
        mask = slots - 1;
        for (int i = 0; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
    }

    void add(long value) {
        addCount(value, 1);
    }

    /** Adds {@code n} occurrences of {@code value} ({@code n < 0} takes back earlier ones). */
    void addCount(long value, long n) {
        if (value == EMPTY) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        int i = lastSlot >= 0 && table[2 * lastSlot] == value ? lastSlot : find(value);
        if (table[2 * i] == EMPTY) {
            table[2 * i] = value;
            distinct++;
        }
        table[2 * i + 1] += n;
        total += n;
        sum += value * n;
        lastSlot = i;
        if (distinct * 2 > mask + 1) {
            grow();
            lastSlot = -1;
        }
    }

    private int find(long value) {
        int i = (int) (value * 0x9E3779B97F4A7C15L >>> 40) & mask;
        long k;
        while ((k = table[2 * i]) != EMPTY && k != value) {
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

    /** Values with a positive count, ascending, with their counts: {values, counts}. */
    long[][] sorted() {
        long[] vals = new long[distinct];
        int n = 0;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != EMPTY && table[i + 1] != 0) {
                vals[n++] = table[i];
            }
        }
        vals = Arrays.copyOf(vals, n);
        Arrays.sort(vals);
        long[] cnt = new long[n];
        for (int j = 0; j < n; j++) {
            cnt[j] = table[2 * find(vals[j]) + 1];
        }
        return new long[][] {vals, cnt};
    }

    private void grow() {
        long[] old = table;
        allocate(2 * (mask + 1));
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int j = find(old[i]);
                table[2 * j] = old[i];
                table[2 * j + 1] = old[i + 1];
            }
        }
    }
}
