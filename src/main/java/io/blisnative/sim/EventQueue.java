package io.blisnative.sim;

import java.util.Arrays;

/**
 * Pending events ordered by (time, priority, sequence), over parallel primitive arrays so
 * scheduling a step allocates nothing.
 *
 * <p>The sequence number is a per-queue counter taken at {@link #push}, so events with equal time
 * and priority run in the order they were scheduled: same inputs, same run.
 *
 * <p>Client deadlines live in a heap of their own: there is one per request in the system (a run
 * with a 300 s timeout at 40 requests/s holds ~12,000), while everything else pending is a
 * handful. The head of the queue is the smaller of the two heads under the same total order, so
 * events come out exactly as from one heap, and scheduling a step stays cheap. A completed
 * request's deadline stays queued (it still pops, and is ignored, at its time) but lets go of the
 * request, which would otherwise stay reachable, tokens and all, for the whole timeout.
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

    private final Heap events = new Heap(false);
    private final Heap deadlines = new Heap(true);
    private long sequence = DYNAMIC_SEQUENCE_BASE;
    /** The heap holding the overall head; valid while the queue is not empty. */
    private Heap head;

    int size() {
        return events.size + deadlines.size;
    }

    boolean isEmpty() {
        return events.size == 0 && deadlines.size == 0;
    }

    long peekTime() {
        return head.time[0];
    }

    int peekKind() {
        return (int) (head.order[0] >>> PRIORITY_SHIFT);
    }

    Request peekSubject() {
        return head.subject[0];
    }

    void push(long timeUs, int kind, Request request) {
        pushSequenced(timeUs, kind, ++sequence, request);
    }

    /** Pushes with an explicit sequence number (stream arrivals: their index, below the dynamic base). */
    void pushSequenced(long timeUs, int kind, long seq, Request request) {
        Heap h = kind == TIMEOUT ? deadlines : events;
        h.push(timeUs, ((long) kind << PRIORITY_SHIFT) | seq, request);
        electHead();
    }

    /**
     * Detaches {@code request} from its pending deadline, if any: the event stays in place and
     * pops with a null subject.
     */
    void forgetDeadline(Request request) {
        int slot = request.deadlineSlot;
        if (slot >= 0) {
            deadlines.subject[slot] = null;
            request.deadlineSlot = -1;
        }
    }

    /** Removes the head; read it with the peek methods first. */
    void pop() {
        head.pop();
        electHead();
    }

    private void electHead() {
        if (deadlines.size == 0) {
            head = events;
        } else if (events.size == 0) {
            head = deadlines;
        } else {
            head = less(deadlines.time[0], deadlines.order[0], events.time[0], events.order[0]) ? deadlines : events;
        }
    }

    private static boolean less(long t1, long k1, long t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    /** Binary min-heap on (time, order key); optionally keeps each subject's slot in {@link Request#deadlineSlot}. */
    private static final class Heap {
        private final boolean tracksSlots;
        private long[] time = new long[256];
        private long[] order = new long[256];
        private Request[] subject = new Request[256];
        private int size;

        Heap(boolean tracksSlots) {
            this.tracksSlots = tracksSlots;
        }

        void push(long timeUs, long key, Request request) {
            if (size == time.length) {
                int n = size * 2;
                time = Arrays.copyOf(time, n);
                order = Arrays.copyOf(order, n);
                subject = Arrays.copyOf(subject, n);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(timeUs, key, time[parent], order[parent])) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            place(i, timeUs, key, request);
        }

        void pop() {
            if (tracksSlots && subject[0] != null) {
                subject[0].deadlineSlot = -1;
            }
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
            place(i, t, k, r);
        }

        private void place(int i, long t, long k, Request r) {
            time[i] = t;
            order[i] = k;
            subject[i] = r;
            if (tracksSlots && r != null) {
                r.deadlineSlot = i;
            }
        }

        private void move(int from, int to) {
            place(to, time[from], order[from], subject[from]);
        }
    }
}
