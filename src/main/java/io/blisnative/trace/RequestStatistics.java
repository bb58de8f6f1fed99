package io.blisnative.trace;

import java.util.List;

/** Measured aggregates computed from per-request measurements. */
final class RequestStatistics {

    private static final double US_PER_MS = 1000.0;

    private RequestStatistics() {
    }

    /**
     * Overall figures over the non-warm-up requests that carry a measurement, or null when none does.
     * Latencies cover requests with status ok; TPOT is (E2E − TTFT) / (output_tokens − 1) per ok request
     * with more than one output token; achieved rate = (n − 1) / (last − first arrival).
     */
    static Measured measured(List<TraceRequest> requests, String tpotDefinition) {
        int n = 0;
        for (TraceRequest r : requests) {
            if (!r.isWarmup() && r.measured() != null) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        Samples s = new Samples(n);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long sent = 0;
        for (TraceRequest r : requests) {
            if (r.isWarmup() || r.measured() == null) {
                continue;
            }
            sent++;
            first = Math.min(first, r.arrivalUs());
            last = Math.max(last, r.arrivalUs());
            s.add(r);
        }
        Double rate = sent > 1 && last > first ? (sent - 1) / ((last - first) / 1e6) : null;
        MeasuredStats overall = new MeasuredStats(null, s.ok, sent - s.ok,
                SampleSummary.latency(s.e2e.trimmed()), SampleSummary.latency(s.ttft.trimmed()),
                SampleSummary.latency(s.tpot.trimmed()), null,
                s.ok == 0 ? null : s.inputSum / (double) s.ok, s.ok == 0 ? null : s.outputSum / (double) s.ok, rate);
        return new Measured(tpotDefinition, overall, List.of());
    }

    /** Growable primitive sample. */
    static final class DoubleList {
        private double[] values;
        private int size;

        DoubleList(int capacity) {
            values = new double[Math.max(1, capacity)];
        }

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] trimmed() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private static final class Samples {
        final DoubleList e2e;
        final DoubleList ttft;
        final DoubleList tpot;
        long ok;
        long inputSum;
        long outputSum;

        Samples(int capacity) {
            e2e = new DoubleList(capacity);
            ttft = new DoubleList(capacity);
            tpot = new DoubleList(capacity);
        }

        void add(TraceRequest r) {
            RequestMeasurement m = r.measured();
            if (!m.isOk()) {
                return;
            }
            ok++;
            inputSum += r.inputTokens();
            outputSum += r.outputTokens();
            if (m.e2eUs() != null) {
                e2e.add(m.e2eUs() / US_PER_MS);
            }
            if (m.ttftUs() != null) {
                ttft.add(m.ttftUs() / US_PER_MS);
            }
            if (m.e2eUs() != null && m.ttftUs() != null && r.outputTokens() > 1) {
                tpot.add((m.e2eUs() - m.ttftUs()) / US_PER_MS / (r.outputTokens() - 1));
            }
        }
    }
}
