package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.Arrival;
import io.blisnative.trace.TraceRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceArrivalsTest {

    private static TraceRequest grouped(long id, int input, int output, String group, int prefix) {
        return new TraceRequest(id, id * 1000, input, output, group, prefix, null, null, null, null, null, null,
                null, null);
    }

    private static List<Arrival> arrivals(long seed, TraceRequest... rows) {
        List<Arrival> out = new ArrayList<>();
        new TraceArrivals(List.of(rows).iterator(), seed).forEachRemaining(out::add);
        return out;
    }

    @Test
    void next_prefixGroups_shareExactlyTheirPrefixAndNothingElse() {
        // given two rows of group g (the second sharing a longer prefix), one of group h, one plain
        List<Arrival> a = arrivals(42,
                grouped(0, 100, 20, "g", 40),
                grouped(1, 120, 20, "g", 80),
                grouped(2, 100, 20, "h", 40),
                TraceRequest.of(3, 4000, 100, 20));
        int[] g0 = a.get(0).inputTokens();
        int[] g1 = a.get(1).inputTokens();
        // then the group's rows agree on the shorter shared prefix and differ right after it
        assertArrayEquals(Arrays.copyOf(g0, 40), Arrays.copyOf(g1, 40));
        assertFalse(Arrays.equals(Arrays.copyOfRange(g0, 40, 56), Arrays.copyOfRange(g1, 40, 56)));
        // and another group and a plain row share no leading block with it
        assertFalse(Arrays.equals(Arrays.copyOf(g0, 16), Arrays.copyOf(a.get(2).inputTokens(), 16)));
        assertFalse(Arrays.equals(Arrays.copyOf(g0, 16), Arrays.copyOf(a.get(3).inputTokens(), 16)));
        // and every id is in the vocabulary, with lengths, names and output cap taken from the rows
        for (Arrival x : a) {
            assertTrue(Arrays.stream(x.inputTokens()).allMatch(t -> t >= 0 && t < 128_000));
            assertTrue(Arrays.stream(x.outputTokens()).allMatch(t -> t >= 0 && t < 128_000));
            assertEquals(20, x.outputTokens().length);
            assertEquals(20, x.maxOutputLen());
        }
        assertEquals(120, a.get(1).inputTokens().length);
        assertEquals("request_3", a.get(3).id());
    }

    @Test
    void next_grownGroupPrefix_laterRowsShareTheLongerPrefix() {
        // given a group whose second row grows the shared prefix, and a third row using it all
        List<Arrival> a = arrivals(7,
                grouped(0, 50, 1, "g", 20),
                grouped(1, 90, 1, "g", 60),
                grouped(2, 90, 1, "g", 60));
        // then rows 1 and 2 share 60 tokens, and row 0 shares only its own 20 with them
        assertArrayEquals(Arrays.copyOf(a.get(1).inputTokens(), 60), Arrays.copyOf(a.get(2).inputTokens(), 60));
        assertArrayEquals(Arrays.copyOf(a.get(0).inputTokens(), 20), Arrays.copyOf(a.get(2).inputTokens(), 20));
        assertFalse(Arrays.equals(Arrays.copyOfRange(a.get(0).inputTokens(), 20, 36),
                Arrays.copyOfRange(a.get(2).inputTokens(), 20, 36)));
    }

    @Test
    void next_sameSeed_sameTokens_otherSeed_otherTokens() {
        // given the same rows replayed with seeds 1, 1 and 2
        TraceRequest row = TraceRequest.of(0, 0, 33, 5);
        Arrival first = arrivals(1, row).get(0);
        Arrival again = arrivals(1, row).get(0);
        Arrival other = arrivals(2, row).get(0);
        // then the tokens repeat for the seed and change with it
        assertArrayEquals(first.inputTokens(), again.inputTokens());
        assertArrayEquals(first.outputTokens(), again.outputTokens());
        assertFalse(Arrays.equals(first.inputTokens(), other.inputTokens()));
    }
}
