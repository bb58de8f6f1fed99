package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CountMemoTest {

    private static double blend(int n) {
        double hi = 120.8 + n * 0.37;
        double lo = 78.25;
        return hi * Math.pow(1 + Math.pow(lo / hi, 2.7), 1 / 2.7);
    }

    @Test
    void get_randomCountsAcrossTheLimit_bitIdenticalToTheFunction() {
        // given a memo of a pow-based function and random counts, some past the limit
        CountMemo memo = new CountMemo(CountMemoTest::blend);
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int n = rnd.nextInt(CountMemo.LIMIT + 5_000);
            // when / then
            assertEquals(Double.doubleToRawLongBits(blend(n)), Double.doubleToRawLongBits(memo.get(n)), "count " + n);
        }
    }

    @Test
    void get_repeatedCount_callsTheFunctionOnce() {
        // given a function that counts its calls
        int[] calls = new int[1];
        CountMemo memo = new CountMemo(n -> {
            calls[0]++;
            return n * 1.5;
        });
        // when the same small counts come back many times, growing the table in between
        for (int round = 0; round < 3; round++) {
            for (int n = 0; n < 1000; n += 7) {
                assertEquals(n * 1.5, memo.get(n));
            }
        }
        // then each count was computed once
        assertEquals(143, calls[0]);
    }

    @Test
    void get_outOfRangeOrNaN_computedEveryTime() {
        // given
        int[] calls = new int[1];
        CountMemo memo = new CountMemo(n -> {
            calls[0]++;
            return n == 3 ? Double.NaN : n;
        });
        // when
        memo.get(-1);
        memo.get(-1);
        memo.get(CountMemo.LIMIT);
        memo.get(CountMemo.LIMIT);
        memo.get(3);
        memo.get(3);
        // then
        assertEquals(6, calls[0]);
    }
}
