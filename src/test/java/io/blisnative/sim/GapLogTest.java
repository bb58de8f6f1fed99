package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GapLogTest {

    @Test
    void dropBefore_manySteps_keepsNumbersAndGapsOfKeptSteps() {
        // given a log that has to drop old steps several times
        GapLog log = new GapLog();
        for (long s = 0; s < 20_000; s++) {
            if (log.full()) {
                log.dropBefore(log.nextStep() - 100);
            }
            // when
            long step = log.append(1000 + s);
            // then
            assertEquals(s, step);
        }
        for (long s = 19_900; s < 20_000; s++) {
            assertEquals(1000 + s, log.gap(s));
        }
    }

    @Test
    void discardItl_runBrokenBySkippedStep_takesBackExactlyTheDecodedSteps() {
        // given a request decoded in steps 0-1 and 3-4 (left out of step 2), with distinct gaps
        GapLog log = new GapLog();
        ValueCounts counts = new ValueCounts();
        Request r = new Request(io.blisnative.sim.Arrival.of("r", 0, new int[] {1}, new int[] {1, 2, 3, 4, 5}), 0);
        long[] gaps = {10, 20, 30, 40, 50};
        for (int s = 0; s < gaps.length; s++) {
            long step = log.append(gaps[s]);
            counts.add(gaps[s]);
            if (s != 2) {
                r.addItl(gaps[s], step);
            }
        }
        assertEquals(10 + 20 + 40 + 50, r.itlSumUs);
        // when
        r.discardItl(counts, log);
        // then only step 2's gap is left, and the request holds none
        assertArrayEquals(new long[] {30}, counts.sorted()[0]);
        assertEquals(0, r.itlSumUs);
        assertEquals(Long.MAX_VALUE, r.firstItlStep());
    }
}
