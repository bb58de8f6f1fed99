package io.blisnative.metrics;

import java.util.Arrays;

/**
 * Ascending sort of the per-request latencies a report summarises, in linear time.
 *
 * <p>Why not {@link Arrays#sort}: a million-request run sorts a handful of million-element arrays
 * after the simulation ends, and at about 80 ms each that was several tenths of a second of a
 * ten-second run. The values are non-negative, so their bits order like their values and a
 * least-significant-digit radix sort over 11-bit digits (a 16 KB count table, within the L1
 * cache) needs a few sequential passes; a digit that is the same for every value is skipped, so
 * microsecond latencies of up to an hour take three. The result is the same array
 * {@code Arrays.sort} would give, so percentiles and sums over it are unchanged to the last bit.
 */
final class RadixSort {
    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    /** Below this a comparison sort is as fast and needs no buffer. */
    private static final int SMALL = 4096;

    private RadixSort() {
    }

    /**
     * Sorts {@code values} ascending in place.
     *
     * @throws IllegalArgumentException if a value is negative
     */
    static void sortNonNegative(long[] values) {
        long all = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException("values[" + i + "] must be >= 0, got " + values[i]);
            }
            all |= values[i];
        }
        if (values.length < SMALL) {
            Arrays.sort(values);
            return;
        }
        long[] from = values;
        long[] to = new long[values.length];
        int[] counts = new int[BUCKETS];
        int significantBits = 64 - Long.numberOfLeadingZeros(all);
        for (int shift = 0; shift < significantBits; shift += DIGIT_BITS) {
            if (scatter(from, to, shift, counts)) {
                long[] t = from;
                from = to;
                to = t;
            }
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, values.length);
        }
    }

    /**
     * Sorts {@code values} ascending in place; each must be a non-negative number (+0.0 included,
     * −0.0 and NaN not), whose IEEE bits then order like the numbers.
     *
     * @throws IllegalArgumentException if a value is negative, −0.0 or NaN
     */
    static void sortNonNegative(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
            if (bits[i] < 0 || Double.isNaN(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be a number >= +0.0, got " + values[i]);
            }
        }
        sortNonNegative(bits);
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(bits[i]);
        }
    }

    /**
     * One stable counting pass on the digit at {@code shift}, from {@code from} into {@code to};
     * returns false, having moved nothing, when every value has the same digit there.
     */
    private static boolean scatter(long[] from, long[] to, int shift, int[] counts) {
        Arrays.fill(counts, 0);
        for (long v : from) {
            counts[(int) (v >>> shift) & (BUCKETS - 1)]++;
        }
        int position = 0;
        for (int d = 0; d < BUCKETS; d++) {
            int c = counts[d];
            if (c == from.length) {
                return false;
            }
            counts[d] = position;
            position += c;
        }
        for (long v : from) {
            to[counts[(int) (v >>> shift) & (BUCKETS - 1)]++] = v;
        }
        return true;
    }
}
