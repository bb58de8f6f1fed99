package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ValueCountsTest {

    /** Adds and takes back random values of every range to both the multiset and a TreeMap model. */
    private static void check(long seed, int ops) {
        // given
        Random rnd = new Random(seed);
        ValueCounts counts = new ValueCounts();
        TreeMap<Long, Long> model = new TreeMap<>();
        List<Long> added = new ArrayList<>();
        long total = 0;
        long sum = 0;
        for (int op = 0; op < ops; op++) {
            long v;
            int kind = rnd.nextInt(10);
            if (kind < 6) {
                v = 8000 + rnd.nextInt(4000);
            } else if (kind < 7) {
                v = rnd.nextInt(ValueCounts.DIRECT_LIMIT + 2000);
            } else if (kind < 8) {
                v = -1 - rnd.nextInt(3000);
            } else if (kind < 9) {
                v = rnd.nextLong() == Long.MIN_VALUE ? 0 : rnd.nextLong();
            } else {
                v = ValueCounts.DIRECT_LIMIT - 1 + rnd.nextInt(3);
            }
            long n = 1 + rnd.nextInt(3);
            if (!added.isEmpty() && rnd.nextInt(4) == 0) {
                // when a value counted earlier is taken back, possibly down to zero
                v = added.get(rnd.nextInt(added.size()));
                n = -Math.min(model.get(v), 1 + rnd.nextInt(2));
            }
            counts.addCount(v, n);
            model.merge(v, n, Long::sum);
            added.add(v);
            total += n;
            sum += v * n;
        }
        // then
        long[] vals = model.entrySet().stream().filter(e -> e.getValue() != 0).mapToLong(Map.Entry::getKey).toArray();
        long[] cnts = model.values().stream().filter(c -> c != 0).mapToLong(Long::longValue).toArray();
        long[][] sorted = counts.sorted();
        assertArrayEquals(vals, sorted[0], "values, seed " + seed);
        assertArrayEquals(cnts, sorted[1], "counts, seed " + seed);
        assertEquals(total, counts.total());
        assertEquals(sum, counts.sum());
    }

    @Test
    void sorted_randomAddsAndTakeBacks_matchATreeMap() {
        for (long seed = 1; seed <= 20; seed++) {
            check(seed, 20_000);
        }
    }

    @Test
    void sorted_nothingAdded_empty() {
        // given / when
        long[][] sorted = new ValueCounts().sorted();
        // then
        assertEquals(0, sorted[0].length);
        assertEquals(0, sorted[1].length);
    }

    @Test
    void addCount_reservedValue_rejected() {
        // given
        ValueCounts counts = new ValueCounts();
        // when / then
        assertThrows(IllegalArgumentException.class, () -> counts.add(Long.MIN_VALUE));
        assertEquals(0, counts.total());
    }
}
