package io.blisnative.metrics;

/**
 * What became of the requests of one simulated run (or one load stage of it).
 *
 * @param requests  requests offered to the simulator
 * @param completed requests that finished
 * @param timedOut  requests cancelled by a client timeout
 * @param dropped   requests rejected as unservable
 * @param preempted preemption events (a request can be preempted several times)
 */
public record RequestCounts(long requests, long completed, long timedOut, long dropped, long preempted) {

    public RequestCounts {
        requireNonNegative("requests", requests);
        requireNonNegative("completed", completed);
        requireNonNegative("timedOut", timedOut);
        requireNonNegative("dropped", dropped);
        requireNonNegative("preempted", preempted);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
