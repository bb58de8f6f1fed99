package io.blisnative.sim;

import java.util.Arrays;

/**
 * Exact multiset of long values (value → count): small non-negative values counted in a directly
 * indexed array, any other value in an open-addressing table that stores each value next to its
 * count.
 *
 * <p>Inter-token gaps are step times, so a run with hundreds of millions of gaps has only a few
 * thousand distinct values: counting them keeps exact percentiles at a tiny fraction of the
 * memory a list of every gap would take. Step times are microseconds that drift slowly from step
 * to step, so most of them land below {@value #DIRECT_LIMIT} in the direct array, where
 * consecutive steps touch the same or neighbouring cache lines; a hash would scatter them over
 * the table and miss the cache on most steps. The direct array grows (doubling) to the largest
 * such value seen. Counts may be taken back ({@code n < 0}) down to zero; values whose count is
 * zero are left out of {@link #sorted()}.
 */
final class ValueCounts {
    /** Values in [0, this) are counted directly: 512 KiB of counts at most. */
    static final int DIRECT_LIMIT = 1 << 16;
    private static final long EMPTY = Long.MIN_VALUE;

    /** count of value v at index v, for 0 ≤ v &lt; length. */
    private long[] direct = new long[1024];
    /** Other values: value at 2·slot, count at 2·slot + 1. */
    private long[] table;
    private int mask;
    private int distinct;
    private long total;
    private long sum;

    ValueCounts() {
        allocate(64);
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
        if (value >= 0 && value < direct.length) {
            direct[(int) value] += n;
        } else if (value >= 0 && value < DIRECT_LIMIT) {
            growDirect((int) value);
            direct[(int) value] += n;
        } else {
            addToTable(value, n);
        }
        total += n;
        sum += value * n;
    }

    /** Doubles the direct array (at least past {@code value}), so it grows a handful of times per run. */
    private void growDirect(int value) {
        int size = Math.max(direct.length * 2, Integer.highestOneBit(value) << 1);
        direct = Arrays.copyOf(direct, Math.min(DIRECT_LIMIT, size));
    }

    private void addToTable(long value, long n) {
        if (value == EMPTY) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        int i = find(value);
        if (table[2 * i] == EMPTY) {
            table[2 * i] = value;
            distinct++;
        }
        table[2 * i + 1] += n;
        if (distinct * 2 > mask + 1) {
            grow();
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
        long[] other = new long[distinct];
        int m = 0;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != EMPTY && table[i + 1] != 0) {
                other[m++] = table[i];
            }
        }
        other = Arrays.copyOf(other, m);
        Arrays.sort(other);
        int negatives = 0;
        while (negatives < m && other[negatives] < 0) {
            negatives++;
        }
        int n = m;
        for (long c : direct) {
            if (c != 0) {
                n++;
            }
        }
        long[] vals = new long[n];
        long[] cnt = new long[n];
        int j = 0;
        for (int k = 0; k < negatives; k++, j++) {
            vals[j] = other[k];
            cnt[j] = table[2 * find(other[k]) + 1];
        }
        for (int v = 0; v < direct.length; v++) {
            if (direct[v] != 0) {
                vals[j] = v;
                cnt[j++] = direct[v];
            }
        }
        for (int k = negatives; k < m; k++, j++) {
            vals[j] = other[k];
            cnt[j] = table[2 * find(other[k]) + 1];
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
