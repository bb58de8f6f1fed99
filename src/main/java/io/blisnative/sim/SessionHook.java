package io.blisnative.sim;

import java.util.List;

/**
 * Closed-loop clients: told when a request leaves the server for good (completed, timed out or
 * dropped), returns the follow-up requests to inject, e.g. a chat session's next round.
 */
public interface SessionHook {
    /** Never null; arrivals must not be earlier than {@code timeUs}. */
    List<Arrival> onRequestDone(Request request, long timeUs);

    /** No follow-ups: an open-loop workload. */
    SessionHook NONE = (request, timeUs) -> List.of();
}
