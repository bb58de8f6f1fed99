package io.blisnative.sim;

import io.blisnative.kv.KvSequence;
import java.util.Arrays;

/** The running batch in admission order (vLLM keeps no other order inside it). */
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
        }
        items[size++] = r;
    }

    Request removeAt(int i) {
        Request r = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
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

    /** Keeps only the requests for which {@code keep[i]} is true, in order. */
    void retain(boolean[] keep) {
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                items[w++] = items[i];
            }
        }
        Arrays.fill(items, w, size, null);
        size = w;
    }

    /** The KV sequences of the batch, for the cache's after-step hook; valid until the next call. */
    KvSequence[] sequences() {
        if (sequences.length < size) {
            sequences = new KvSequence[items.length];
        }
        for (int i = 0; i < size; i++) {
            sequences[i] = items[i].kv;
        }
        return sequences;
    }
}
