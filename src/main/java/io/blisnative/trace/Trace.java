package io.blisnative.trace;

import java.util.List;

/**
 * A whole trace in memory, as converters produce it (their sources are small enough; large traces
 * are read with {@link TraceReader} instead).
 *
 * @param header   the header line
 * @param requests requests in arrival order
 */
public record Trace(TraceHeader header, List<TraceRequest> requests) {

    public Trace {
        if (header == null) {
            throw new IllegalArgumentException("header must be non-null");
        }
        requests = List.copyOf(requests);
        long last = -1;
        for (TraceRequest r : requests) {
            if (r.arrivalUs() < last) {
                throw new IllegalArgumentException("requests must be in arrival order; request " + r.id()
                        + " at " + r.arrivalUs() + " comes after " + last);
            }
            last = r.arrivalUs();
        }
    }
}
