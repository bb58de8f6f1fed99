package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import io.blisnative.trace.TraceRequest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Turns trace rows into simulator arrivals, streaming: a trace carries token counts, not tokens,
 * so each request gets fresh random token ids, except that requests of one prefix group share
 * the group's first {@code prefix_tokens} ids (what prefix caching can reuse).
 *
 * <p>As BLIS's trace replay: ids {@code request_<id>}, output cap = output tokens, deadline kept.
 * Only which blocks are equal matters to the simulation, and BLIS draws these ids from no
 * stream we must match, so they come from a fast seeded generator (SplitMix64, two ids per
 * draw) in file order: the same trace and seed always produce the same tokens. Two distinct
 * random 16-token blocks colliding has odds of about 128000^-16.
 */
public final class TraceArrivals implements Iterator<Arrival> {
    private static final int VOCABULARY = 128_000;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final Iterator<TraceRequest> rows;
    private final Map<String, int[]> groupPrefixes = new HashMap<>();
    private long state;

    public TraceArrivals(Iterator<TraceRequest> rows, long seed) {
        this.rows = rows;
        this.state = mix(seed);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Arrival next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException();
        }
        TraceRequest row = rows.next();
        int[] input = new int[row.inputTokens()];
        int shared = 0;
        if (row.prefixGroup() != null) {
            int[] prefix = prefixOf(row.prefixGroup(), row.prefixTokens());
            shared = row.prefixTokens();
            System.arraycopy(prefix, 0, input, 0, shared);
        }
        fill(input, shared, input.length);
        int[] output = new int[row.outputTokens()];
        fill(output, 0, output.length);
        long deadline = row.deadlineUs() == null ? 0 : row.deadlineUs();
        return new Arrival("request_" + row.id(), row.arrivalUs(), input, output, row.outputTokens(), deadline,
                row.sloClass(), row.session(), row.round() == null ? 0 : row.round());
    }

    /** The group's shared ids, grown when a later row shares a longer prefix. */
    private int[] prefixOf(String group, int length) {
        int[] prefix = groupPrefixes.get(group);
        if (prefix == null || prefix.length < length) {
            int[] grown = new int[length];
            int kept = prefix == null ? 0 : prefix.length;
            if (prefix != null) {
                System.arraycopy(prefix, 0, grown, 0, kept);
            }
            fill(grown, kept, length);
            groupPrefixes.put(group, grown);
            prefix = grown;
        }
        return prefix;
    }

    /** Random ids in [0, VOCABULARY) for {@code ids[from, to)}: each 64-bit draw gives two. */
    private void fill(int[] ids, int from, int to) {
        int i = from;
        long s = state;
        for (; i + 1 < to; i += 2) {
            s += GOLDEN_GAMMA;
            long z = mix(s);
            ids[i] = scale(z);
            ids[i + 1] = scale(z >>> 32);
        }
        if (i < to) {
            s += GOLDEN_GAMMA;
            ids[i] = scale(mix(s));
        }
        state = s;
    }

    /** Maps the low 32 bits of {@code bits} uniformly onto [0, VOCABULARY) (multiply-shift). */
    private static int scale(long bits) {
        return (int) (((bits & 0xFFFFFFFFL) * VOCABULARY) >>> 32);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
