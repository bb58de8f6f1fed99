package io.blisnative.metrics;

import io.blisnative.trace.RequestMeasurement;
import io.blisnative.trace.TraceRequest;
import java.util.Arrays;
import java.util.Iterator;

/**
 * What the error tables need to know about each trace request after the simulation, recorded
 * while the trace streams into the simulator: its load stage, whether it is a warm-up request,
 * its output length and its measured TTFT and E2E (−1 when not measured). Indexed by the order
 * requests were read, which is the simulator's serial number.
 */
public final class TraceLedger {
    private int size;
    private int[] stage = new int[1024];
    private boolean[] warmup = new boolean[1024];
    private int[] outputTokens = new int[1024];
    private long[] measuredTtftUs = new long[1024];
    private long[] measuredE2eUs = new long[1024];
    private boolean anyMeasured;

    /** Wraps {@code rows} so that every row handed on is recorded first. */
    public Iterator<TraceRequest> recording(Iterator<TraceRequest> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public TraceRequest next() {
                TraceRequest r = rows.next();
                add(r);
                return r;
            }
        };
    }

    void add(TraceRequest r) {
        if (size == stage.length) {
            int n = size * 2;
            stage = Arrays.copyOf(stage, n);
            warmup = Arrays.copyOf(warmup, n);
            outputTokens = Arrays.copyOf(outputTokens, n);
            measuredTtftUs = Arrays.copyOf(measuredTtftUs, n);
            measuredE2eUs = Arrays.copyOf(measuredE2eUs, n);
        }
        stage[size] = r.stage() == null ? 0 : r.stage();
        warmup[size] = r.isWarmup();
        outputTokens[size] = r.outputTokens();
        RequestMeasurement m = r.measured();
        boolean ok = m != null && m.isOk() && m.ttftUs() != null && m.e2eUs() != null;
        measuredTtftUs[size] = ok ? m.ttftUs() : -1;
        measuredE2eUs[size] = ok ? m.e2eUs() : -1;
        anyMeasured |= ok;
        size++;
    }

    public int size() {
        return size;
    }

    public int stage(int serial) {
        return stage[serial];
    }

    public boolean warmup(int serial) {
        return warmup[serial];
    }

    public int outputTokens(int serial) {
        return outputTokens[serial];
    }

    /** True when at least one request carries a measured TTFT and E2E. */
    public boolean hasPerRequestMeasurements() {
        return anyMeasured;
    }

    public long measuredTtftUs(int serial) {
        return measuredTtftUs[serial];
    }

    public long measuredE2eUs(int serial) {
        return measuredE2eUs[serial];
    }
}
