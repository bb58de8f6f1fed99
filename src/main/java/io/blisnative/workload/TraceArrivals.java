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
 * Random ids come from one seeded Go-compatible stream in file order, so the same trace and seed
 * always produce the same tokens. Only which blocks are equal matters to the simulation; two
 * distinct random 16-token blocks colliding has odds of about 128000^-16.
 */
public final class TraceArrivals implements Iterator<Arrival> {
    private static final int VOCABULARY = 128_000;

    private final Iterator<TraceRequest> rows;
    private final GoRandom random;
    private final Map<String, int[]> groupPrefixes = new HashMap<>();

    public TraceArrivals(Iterator<TraceRequest> rows, long seed) {
        this.rows = rows;
        this.random = new GoRandom(seed);
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
        for (int i = shared; i < input.length; i++) {
            input[i] = random.intn(VOCABULARY);
        }
        int[] output = new int[row.outputTokens()];
        for (int i = 0; i < output.length; i++) {
            output[i] = random.intn(VOCABULARY);
        }
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
            for (int i = kept; i < length; i++) {
                grown[i] = random.intn(VOCABULARY);
            }
            groupPrefixes.put(group, grown);
            prefix = grown;
        }
        return prefix;
    }
}
