package io.blisnative.sim;

import io.blisnative.kv.KvCache;
import java.util.Arrays;

/**
 * Decode steps accounted in bulk.
 *
 * <p>Most of a long run is requests decoding steadily: one token a step landing in a partly
 * filled KV block. Such a step changes nothing anyone else can see: the request takes a token of
 * budget, adds one token and its context to the priced batch and one gap to the counts, and none
 * of that depends on where in the batch it sits. So after a step in which a request decoded it
 * turns quiet for as many following steps as that stays true (its KV cache's
 * {@link KvCache#quietDecodeTokens}, and short of its last token), leaves the active list, and is
 * counted only through totals here: how many are quiet and the sum of their progress. A step
 * then costs in proportion to the active requests, not the whole batch. A quiet request wakes,
 * caught up in one go (progress, KV fill, gaps from the {@link GapLog}'s running sums), in the
 * step it must be seen in again (it fills a block or is about to finish); every request is caught
 * up when a step could cut the batch short (token budget) or preempt (free blocks), when it times
 * out, and at the end of the run. Results are those of the per-step updates; a differential test
 * holds the two paths together.
 *
 * <p>Only for a latency model that {@linkplain LatencyModel#pricesAggregateDecodes() prices
 * decodes in aggregate}, and never near {@code max_model_len}, where a decode may be capped.
 */
final class QuietDecodes {
    private final boolean enabled;
    private final KvCache kv;
    private final GapLog gapLog;
    private final RunningBatch running;
    private final int maxModelLen;
    /**
     * Wake-up calendar: requests waking in step s are in bucket {@code s & mask}; a quiet window
     * is shorter than the ring.
     */
    private final Request[][] buckets;
    private final int[] bucketSizes;
    private final int mask;
    private int count;
    /**
     * Sum over quiet requests of {@code quietProgress - quietFrom}: their progress in step s sums
     * to this plus count · s.
     */
    private long progressBase;

    QuietDecodes(boolean enabled, KvCache kv, GapLog gapLog, RunningBatch running, int maxModelLen) {
        this.enabled = enabled;
        this.kv = kv;
        this.gapLog = gapLog;
        this.running = running;
        this.maxModelLen = maxModelLen;
        int ring = Integer.highestOneBit(Math.max(kv.blockSize(), 2)) << 1;
        this.buckets = new Request[ring][];
        this.bucketSizes = new int[ring];
        this.mask = ring - 1;
    }

    /** Number of quiet requests. */
    int count() {
        return count;
    }

    /** Sum of the quiet requests' progress at the start of step {@code step}. */
    long progressSum(long step) {
        return progressBase + count * step;
    }

    /**
     * After step {@code step}, in which the active request {@code r} decoded a token and did not
     * finish, makes it quiet for the following steps that would only count it, if there are any.
     *
     * @return true if {@code r} turned quiet (the caller drops it from the active list)
     */
    boolean enter(Request r, long step) {
        if (!enabled) {
            return false;
        }
        // The step that produces the last token must run in full, and so must one that may be capped.
        int last = r.inputLength + Math.max(r.outputLength, 1) - 1;
        if (maxModelLen > 0 && last >= maxModelLen) {
            return false;
        }
        int steps = Math.min(Math.min(kv.quietDecodeTokens(r.kv), last - r.progress - 1), mask - 1);
        if (steps <= 0) {
            return false;
        }
        long from = step + 1;
        long until = from + steps;
        r.quietFrom = from;
        r.quietUntil = until;
        r.quietProgress = r.progress;
        count++;
        progressBase += r.progress - from;
        int b = (int) (until & mask);
        Request[] bucket = buckets[b];
        if (bucket == null || bucketSizes[b] == bucket.length) {
            buckets[b] = bucket = bucket == null ? new Request[16] : Arrays.copyOf(bucket, bucket.length * 2);
        }
        bucket[bucketSizes[b]++] = r;
        return true;
    }

    /** Catches up the requests whose quiet run ends before step {@code step} and makes them active again. */
    void wake(long step) {
        int b = (int) (step & mask);
        int n = bucketSizes[b];
        if (n == 0) {
            return;
        }
        Request[] bucket = buckets[b];
        for (int k = 0; k < n; k++) {
            Request r = bucket[k];
            bucket[k] = null;
            // Requests caught up early (timed out) are still listed; their quietUntil is -1 now.
            if (r.quietUntil == step) {
                catchUp(r, step);
                running.activate(r);
            }
        }
        bucketSizes[b] = 0;
    }

    /** Catches up every quiet request before step {@code step}; all of the batch is active again. */
    void catchUpAll(long step) {
        for (int i = 0; i < running.size(); i++) {
            Request r = running.get(i);
            catchUp(r, step);
        }
        for (int b = 0; b < buckets.length; b++) {
            if (bucketSizes[b] > 0) {
                Arrays.fill(buckets[b], 0, bucketSizes[b], null);
                bucketSizes[b] = 0;
            }
        }
        running.activateAll();
    }

    /**
     * Applies the quiet steps of {@code r} before step {@code step} (the next to run) as the
     * per-step code would have, and ends its quiet run; it is not put back in the active list.
     * Nothing to do for a request that is not quiet.
     */
    void catchUp(Request r, long step) {
        if (!r.quiet()) {
            return;
        }
        long from = r.quietFrom;
        int steps = (int) (step - from);
        r.addItlRun(from, step, gapLog.sum(from, step));
        r.progress = r.quietProgress + steps;
        r.computedTokens = r.progress;
        kv.appendQuietDecodeTokens(r.kv, steps);
        count--;
        progressBase -= r.quietProgress - from;
        r.quietUntil = -1;
    }
}
