package io.blisnative.sim;

import io.blisnative.kv.KvSequence;
import java.util.Arrays;

/**
 * The running batch in admission order (vLLM keeps no other order inside it), with the requests'
 * KV sequences kept alongside so the cache's after-step hook gets them without a pass.
 */
final class RunningBatch {
    private Request[] items = new Request[64];
    private KvSequence[] sequences = new KvSequence[64];
    private int size;

    int size() {
        return size;
    }

    Request get(int i) {
        return items[i];
    }

    void add(Request r) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
        }
        sequences[size] = r.kv;
        items[size++] = r;
    }

    Request removeAt(int i) {
        Request r = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        System.arraycopy(sequences, i + 1, sequences, i, size - i - 1);
        items[--size] = null;
        sequences[size] = null;
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

    /** Moves the request at {@code from} to {@code to} (≤ from) while compacting in one pass. */
    void moveDown(int from, int to) {
        items[to] = items[from];
        sequences[to] = sequences[from];
    }

    /** Drops every request from position {@code newSize} on (after a compacting pass). */
    void truncate(int newSize) {
        Arrays.fill(items, newSize, size, null);
        Arrays.fill(sequences, newSize, size, null);
        size = newSize;
    }

    /** The KV sequences of the batch, in batch order (the first {@link #size()} entries). */
    KvSequence[] sequences() {
        return sequences;
    }
}
