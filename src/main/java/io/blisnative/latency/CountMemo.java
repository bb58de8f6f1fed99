package io.blisnative.latency;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Remembers a pure function of a small non-negative integer (a step's token or row count), so a
 * step-time model pays its {@link Math#pow} calls once per distinct count instead of once per step.
 *
 * <p>The values are filled lazily into a primitive array that grows to the largest count seen, at
 * most {@value #LIMIT} entries; larger or negative counts are computed every time. A remembered
 * value is the very double the function returned, so results are bit-identical to calling it
 * directly. The function must not return NaN to be remembered (NaN marks an empty entry); one that
 * does is simply called again. Not thread-safe: one memo belongs to one model on one thread.
 */
final class CountMemo {
    /** Counts below this are remembered: 512 KiB of doubles at most. */
    static final int LIMIT = 1 << 16;

    private final IntToDoubleFunction fn;
    private double[] values = new double[0];

    CountMemo(IntToDoubleFunction fn) {
        this.fn = fn;
    }

    /** {@code fn.applyAsDouble(count)}, computed once per count below {@link #LIMIT}. */
    double get(int count) {
        double[] v = values;
        if (count >= 0 && count < v.length) {
            double x = v[count];
            if (!Double.isNaN(x)) {
                return x;
            }
            return v[count] = fn.applyAsDouble(count);
        }
        if (count < 0 || count >= LIMIT) {
            return fn.applyAsDouble(count);
        }
        grow(count);
        return values[count] = fn.applyAsDouble(count);
    }

    /** Doubles the table (at least up to {@code count}), so growth costs O(1) amortized per count. */
    private void grow(int count) {
        int size = Math.min(LIMIT, Math.max(count + 1, Math.max(64, values.length * 2)));
        double[] bigger = Arrays.copyOf(values, size);
        Arrays.fill(bigger, values.length, size, Double.NaN);
        values = bigger;
    }
}
