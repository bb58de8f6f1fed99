package io.blisnative.sim;

import java.util.Arrays;

/**
 * Min-heap of pending events ordered by (time, priority, sequence), over parallel primitive arrays
 * so scheduling a step allocates nothing.
 *
 * <p>The sequence number is a per-queue counter taken at {@link #push}, so events with equal time
 * and priority run in the order they were scheduled: same inputs, same run.
 */
final class EventQueue {
    /** Event kinds double as priorities: lower runs first at equal time (BLIS's order). */
    static final int ARRIVAL = 0;
    static final int QUEUED = 1;
    static final int STEP = 3;
    static final int REQUEST_LEFT = 5;
    static final int TIMEOUT = 6;

    private static final int PRIORITY_SHIFT = 56;
    /**
     * Events scheduled during the run number from here; arrivals fed from the stream use their
     * stream index, so they sort as if all had been injected before the run started.
     */
    static final long DYNAMIC_SEQUENCE_BASE = 1L << 48;

    private long[] time = new long[256];
    private long[] order = new long[256];
    private Request[] subject = new Request[256];
    private int size;
    private long sequence = DYNAMIC_SEQUENCE_BASE;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return time[0];
    }

    int peekKind() {
        return (int) (order[0] >>> PRIORITY_SHIFT);
    }

    Request peekSubject() {
        return subject[0];
    }

    void push(long timeUs, int kind, Request request) {
        pushSequenced(timeUs, kind, ++sequence, request);
    }

    /** Pushes with an explicit sequence number (stream arrivals: their index, below the dynamic base). */
    void pushSequenced(long timeUs, int kind, long seq, Request request) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            order = Arrays.copyOf(order, n);
            subject = Arrays.copyOf(subject, n);
        }
        long key = ((long) kind << PRIORITY_SHIFT) | seq;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(timeUs, key, time[parent], order[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        time[i] = timeUs;
        order[i] = key;
        subject[i] = request;
    }

    /** Removes the head; read it with the peek methods first. */
    void pop() {
        int last = --size;
        long t = time[last];
        long k = order[last];
        Request r = subject[last];
        subject[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && less(time[right], order[right], time[child], order[child])) {
                child = right;
            }
            if (!less(time[child], order[child], t, k)) {
                break;
            }
            move(child, i);
            i = child;
        }
        time[i] = t;
        order[i] = k;
        subject[i] = r;
    }

    private void move(int from, int to) {
        time[to] = time[from];
        order[to] = order[from];
        subject[to] = subject[from];
    }

    private static boolean less(long t1, long k1, long t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }
}
