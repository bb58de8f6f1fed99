package io.blisnative.sim;

import io.blisnative.kv.KvSequence;
import java.util.Arrays;

/**
 * The running batch in admission order (vLLM keeps no other order inside it), with the requests'
 * KV sequences kept alongside so the cache's after-step hook gets them without a pass.
 *
 * <p>Alongside it, in the same order, the active requests: every running request that is not
 * decoding quietly ({@link QuietDecodes}). The passes of a step visit only these; a quiet request
 * leaves the list when it turns quiet and comes back, in its place, when it wakes.
 */
final class RunningBatch {
    private Request[] items = new Request[64];
    private KvSequence[] sequences = new KvSequence[64];
    private int size;
    private Request[] active = new Request[64];
    private int activeCount;
    private long nextOrder;

    int size() {
        return size;
    }

    Request get(int i) {
        return items[i];
    }

    /** Appends {@code r}, active, at the tail. */
    void add(Request r) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
        }
        r.runOrder = nextOrder++;
        sequences[size] = r.kv;
        items[size++] = r;
        appendActive(r);
    }

    Request removeAt(int i) {
        Request r = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        System.arraycopy(sequences, i + 1, sequences, i, size - i - 1);
        items[--size] = null;
        sequences[size] = null;
        if (!r.quiet()) {
            removeActive(r);
        }
        return r;
    }

    boolean remove(Request r) {
        for (int i = 0; i < size; i++) {
            if (items[i] == r) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the first {@code count} requests of {@code gone} (already out of the active list) from
     * the batch, keeping the order of the rest, in one pass that compares references only.
     */
    void removeAll(Request[] gone, int count) {
        if (count == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Request r = items[i];
            boolean drop = false;
            for (int k = 0; k < count; k++) {
                if (gone[k] == r) {
                    drop = true;
                    break;
                }
            }
            if (!drop) {
                items[kept] = r;
                sequences[kept] = sequences[i];
                kept++;
            }
        }
        Arrays.fill(items, kept, size, null);
        Arrays.fill(sequences, kept, size, null);
        size = kept;
    }

    /** The KV sequences of the batch, in batch order (the first {@link #size()} entries). */
    KvSequence[] sequences() {
        return sequences;
    }

    /** Number of active requests. */
    int activeCount() {
        return activeCount;
    }

    /** The {@code i}-th active request in batch order. */
    Request active(int i) {
        return active[i];
    }

    /** Keeps the active request at {@code from} at {@code to} (≤ from) while compacting in one pass. */
    void moveActiveDown(int from, int to) {
        active[to] = active[from];
    }

    /** Drops every active request from position {@code newCount} on (after a compacting pass). */
    void truncateActive(int newCount) {
        Arrays.fill(active, newCount, activeCount, null);
        activeCount = newCount;
    }

    /** Puts {@code r}, which just woke, back among the active requests in its batch position. */
    void activate(Request r) {
        appendActive(r);
        int i = activeCount - 1;
        while (i > 0 && active[i - 1].runOrder > r.runOrder) {
            active[i] = active[i - 1];
            i--;
        }
        active[i] = r;
    }

    /** Makes every request of the batch active again (after all were caught up). */
    void activateAll() {
        if (active.length < size) {
            active = new Request[items.length];
        }
        System.arraycopy(items, 0, active, 0, size);
        if (activeCount > size) {
            Arrays.fill(active, size, activeCount, null);
        }
        activeCount = size;
    }

    private void appendActive(Request r) {
        if (activeCount == active.length) {
            active = Arrays.copyOf(active, activeCount * 2);
        }
        active[activeCount++] = r;
    }

    private void removeActive(Request r) {
        for (int i = 0; i < activeCount; i++) {
            if (active[i] == r) {
                System.arraycopy(active, i + 1, active, i, activeCount - i - 1);
                active[--activeCount] = null;
                return;
            }
        }
    }
}
