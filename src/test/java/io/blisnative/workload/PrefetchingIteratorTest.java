package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.blisnative.sim.Arrival;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PrefetchingIteratorTest {

    @Test
    void next_distributionWorkload_sameArrivalsInSameOrder() {
        // given a workload whose size is not a multiple of the batch size
        DistributionParams p = new DistributionParams(42, 20, 1001, 16, 64, 16, 2, 200, 32, 8, 2, 100, 0);
        List<Arrival> direct = new DistributionWorkload(p).toList();
        // when it is read through the prefetcher
        Iterator<Arrival> it = new PrefetchingIterator<>(new DistributionWorkload(p).iterator(), 64, 2, "test");
        // then every arrival is the same, in order, and nothing follows
        for (Arrival expected : direct) {
            Arrival actual = it.next();
            assertEquals(expected.id(), actual.id());
            assertEquals(expected.arrivalUs(), actual.arrivalUs());
            assertArrayEquals(expected.inputTokens(), actual.inputTokens());
            assertArrayEquals(expected.outputTokens(), actual.outputTokens());
        }
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void next_sourceThrows_rethrownAfterTheElementsBeforeIt() {
        // given a source that fails after two elements
        Iterator<Integer> failing = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (n == 2) {
                    throw new IllegalArgumentException("bad row 2");
                }
                return n++;
            }
        };
        // when it is read through the prefetcher
        Iterator<Integer> it = new PrefetchingIterator<>(failing, 10, 1, "test");
        // then the two elements come first, then the source's exception
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, it::hasNext);
        assertEquals("bad row 2", e.getMessage());
    }

    @Test
    void hasNext_emptySource_false() {
        // given / when
        Iterator<String> it = new PrefetchingIterator<>(List.<String>of().iterator(), 4, 1, "test");
        // then
        assertFalse(it.hasNext());
    }
}
