package io.blisnative.sim;

import java.util.Comparator;
import java.util.Locale;

/** How the wait queue is ordered before each step (BLIS's instance schedulers). */
public enum QueueOrder {
    /** Arrival order; preempted requests at the front. */
    FCFS(null),
    /** Most urgent SLO class first, then arrival, then id. */
    PRIORITY_FCFS(Comparator.<Request>comparingInt(r -> r.priority)
            .thenComparingLong(Request::arrivalUs).thenComparing(Request::id)),
    /** Shortest prompt first, then arrival, then id. */
    SJF(Comparator.comparingInt(Request::inputLength)
            .thenComparingLong(Request::arrivalUs).thenComparing(Request::id)),
    /** Least urgent first: a pathological baseline for experiments. */
    REVERSE_PRIORITY(Comparator.<Request>comparingInt(r -> -r.priority)
            .thenComparingLong(Request::arrivalUs).thenComparing(Request::id));

    private final Comparator<Request> order;

    QueueOrder(Comparator<Request> order) {
        this.order = order;
    }

    Comparator<Request> comparator() {
        return order;
    }

    /** Parses a CLI name such as {@code priority-fcfs}. */
    public static QueueOrder parse(String name) {
        for (QueueOrder q : values()) {
            if (q.cliName().equals(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown scheduler '" + name
                + "' (expected fcfs, priority-fcfs, sjf or reverse-priority)");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
