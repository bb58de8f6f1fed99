package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {

    /** Value shapes that exercise every digit: small, latency-like, wide, and all-equal runs. */
    private static long[] randomLongs(SplittableRandom rnd, int n) {
        long[] v = new long[n];
        int shape = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            switch (shape) {
                case 0 -> v[i] = rnd.nextLong(1_000);
                case 1 -> v[i] = rnd.nextLong(3_600_000_000L);
                case 2 -> v[i] = rnd.nextLong(Long.MAX_VALUE);
                case 3 -> v[i] = 42;
                default -> v[i] = rnd.nextInt(4) == 0 ? Long.MAX_VALUE : rnd.nextLong(1 << 22) << 20;
            }
        }
        return v;
    }

    @Test
    void sortNonNegative_randomLongs_matchesArraysSort() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = trial < 10 ? trial : rnd.nextInt(3000, 40_000);
            long[] values = randomLongs(rnd, n);
            long[] expected = values.clone();
            Arrays.sort(expected);
            RadixSort.sortNonNegative(values);
            assertArrayEquals(expected, values, "trial " + trial);
        }
    }

    @Test
    void sortNonNegative_randomDoubles_matchesArraysSortBitForBit() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 30; trial++) {
            double[] values = new double[rnd.nextInt(4000, 20_000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (i % 4) {
                    case 0 -> 0.0;
                    case 1 -> rnd.nextDouble() * 1e-300;
                    case 2 -> rnd.nextDouble(1e9);
                    default -> Double.MAX_VALUE * rnd.nextDouble();
                };
            }
            double[] expected = values.clone();
            Arrays.sort(expected);
            RadixSort.sortNonNegative(values);
            assertArrayEquals(expected, values, 0.0, "trial " + trial);
        }
    }

    @Test
    void sortNonNegative_negativeOrNaN_rejectedNamingTheIndex() {
        long[] longs = new long[5000];
        longs[4321] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadixSort.sortNonNegative(longs));
        assertTrue(e.getMessage().contains("values[4321]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RadixSort.sortNonNegative(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> RadixSort.sortNonNegative(new double[] {1, -0.0}));
        assertThrows(IllegalArgumentException.class, () -> RadixSort.sortNonNegative(new double[] {-2.5}));
    }
}
