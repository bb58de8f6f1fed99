package io.blisnative.metrics;

import io.blisnative.sim.SimResult;
import io.blisnative.trace.LatencyStats;
import io.blisnative.trace.MeasuredStats;
import io.blisnative.trace.TraceHeader;
import io.blisnative.trace.TraceStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one simulated replay with what its trace measured: overall and per load stage,
 * warm-up requests excluded on both sides, and request by request when the trace has per-request
 * measurements.
 *
 * <p>TPOT is compared like with like: both means are {@code (E2E mean − TTFT mean) / (mean output
 * tokens − 1)} with the measured mean output on both sides: clients count output tokens by
 * re-tokenising the streamed text, which can undercount what the server generated (Llama-2-7B runs
 * report 209 of the 248 tokens vLLM produced with ignore_eos), and a shared divisor keeps that
 * count from showing up as a latency error. inference-perf's own per-request TPOT divides by streamed chunks, about two per
 * token, so its percentiles are not comparable and are left out; with per-request measurements,
 * TPOT percentiles use {@code (E2E − TTFT) / (output − 1)} per request on both sides.
 */
public final class ReplayReportBuilder {
    /** Footnote printed under every replay table. */
    public static final String TPOT_NOTE = "TPOT mean = (E2E mean - TTFT mean) / (measured mean output tokens - 1), "
            + "for measured and simulated alike (same divisor, so the error is that of the decode time); "
            + "TPOT percentiles are per-request (E2E - TTFT) / (output - 1), shown only when the trace "
            + "measured requests individually.";

    private ReplayReportBuilder() {
    }

    /**
     * @param stageFilter -1 for all requests, else only requests of that load stage
     */
    public static ExperimentReport build(String name, String trace, TraceHeader header, TraceLedger ledger,
            SimResult result) {
        Map<MetricKind, MetricError> overall = compare(header, header.measured() == null ? null
                : header.measured().overall(), ledger, result, -1);
        List<StageReport> stages = new ArrayList<>();
        if (header.stages() != null && header.stages().size() > 1 && header.measured() != null
                && header.measured().stages() != null) {
            for (TraceStage stage : header.stages()) {
                MeasuredStats measured = header.measured().stages().stream()
                        .filter(s -> s.index() != null && s.index() == stage.index()).findFirst().orElse(null);
                if (measured == null) {
                    continue;
                }
                Map<MetricKind, MetricError> m = compare(header, measured, ledger, result, stage.index());
                stages.add(new StageReport(stage.index(), stage.rate() == null ? Double.NaN : stage.rate(),
                        counts(ledger, result, stage.index()), m));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(TPOT_NOTE);
        if (header.measured() == null && !ledger.hasPerRequestMeasurements()) {
            notes.add("the trace carries no measurements: simulated figures only");
        }
        if (header.measured() != null && header.measured().overall().failures() > 0) {
            notes.add("measured run had " + header.measured().overall().failures()
                    + " failed requests; measured latencies cover successful requests only");
        }
        return new ExperimentReport(name, header.workload(), trace, counts(ledger, result, -1), overall, stages, notes);
    }

    private static RequestCounts counts(TraceLedger ledger, SimResult r, int stageFilter) {
        if (stageFilter < 0) {
            return new RequestCounts(r.injected(), r.completed(), r.timedOut(), r.droppedUnservable(), r.preemptions());
        }
        long requests = 0;
        for (int s = 0; s < ledger.size(); s++) {
            if (ledger.stage(s) == stageFilter) {
                requests++;
            }
        }
        long completed = 0;
        for (long serial : r.completedSerial()) {
            if (serial < ledger.size() && ledger.stage((int) serial) == stageFilter) {
                completed++;
            }
        }
        return new RequestCounts(requests, completed, 0, 0, 0);
    }

    private static Map<MetricKind, MetricError> compare(TraceHeader header, MeasuredStats measured,
            TraceLedger ledger, SimResult r, int stageFilter) {
        Sample sim = Sample.simulated(ledger, r, stageFilter);
        Map<MetricKind, MetricError> out = new EnumMap<>(MetricKind.class);
        if (measured != null && measured.e2e() != null && measured.ttft() != null) {
            LatencySummary e2e = summary(measured.count(), measured.e2e());
            LatencySummary ttft = summary(measured.count(), measured.ttft());
            double outMean = measured.outputLenMean() != null ? measured.outputLenMean() : sim.meanOutput();
            LatencySummary tpot = new LatencySummary(measured.count(), tpotMean(e2e, ttft, outMean),
                    Double.NaN, Double.NaN, Double.NaN);
            out.put(MetricKind.E2E, MetricError.of(e2e, sim.e2eSummary()));
            out.put(MetricKind.TTFT, MetricError.of(ttft, sim.ttftSummary()));
            out.put(MetricKind.TPOT, MetricError.of(tpot, sim.tpotSummary(false, outMean)));
        } else if (ledger.hasPerRequestMeasurements()) {
            Sample real = Sample.measured(ledger, r, stageFilter);
            Sample paired = Sample.pairedSimulated(ledger, r, stageFilter);
            out.put(MetricKind.E2E, MetricError.withPairs(real.e2eSummary(), sim.e2eSummary(),
                    toDouble(real.pairedE2e), toDouble(paired.e2eUs)));
            out.put(MetricKind.TTFT, MetricError.withPairs(real.ttftSummary(), sim.ttftSummary(),
                    toDouble(real.pairedTtft), toDouble(paired.ttftUs)));
            out.put(MetricKind.TPOT, MetricError.of(real.tpotSummary(true, real.meanOutput()),
                    sim.tpotSummary(true, real.meanOutput())));
        } else {
            LatencySummary none = new LatencySummary(0, 0, Double.NaN, Double.NaN, Double.NaN);
            out.put(MetricKind.E2E, MetricError.of(none, sim.e2eSummary()));
            out.put(MetricKind.TTFT, MetricError.of(none, sim.ttftSummary()));
            out.put(MetricKind.TPOT, MetricError.of(none, sim.tpotSummary(true, sim.meanOutput())));
        }
        return out;
    }

    private static double tpotMean(LatencySummary e2e, LatencySummary ttft, double meanOutput) {
        if (!(meanOutput > 1)) {
            return 0;
        }
        return Math.max(0, (e2e.meanMs() - ttft.meanMs()) / (meanOutput - 1));
    }

    private static LatencySummary summary(long count, LatencyStats s) {
        return new LatencySummary(count, s.meanMs() == null ? 0 : s.meanMs(), nan(s.p50Ms()), nan(s.p90Ms()), nan(s.p99Ms()));
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double[] toDouble(long[] us) {
        double[] d = new double[us.length];
        for (int i = 0; i < us.length; i++) {
            d[i] = us[i] / 1000.0;
        }
        return d;
    }

    /** Per-request E2E, TTFT and output length of one side, in µs. */
    private static final class Sample {
        long[] e2eUs;
        long[] ttftUs;
        long[] output;
        long[] pairedE2e = new long[0];
        long[] pairedTtft = new long[0];

        static Sample simulated(TraceLedger ledger, SimResult r, int stageFilter) {
            return collect(ledger, r, stageFilter, false, false);
        }

        static Sample pairedSimulated(TraceLedger ledger, SimResult r, int stageFilter) {
            return collect(ledger, r, stageFilter, false, true);
        }

        static Sample measured(TraceLedger ledger, SimResult r, int stageFilter) {
            Sample all = new Sample();
            LongBuffer e2e = new LongBuffer();
            LongBuffer ttft = new LongBuffer();
            LongBuffer out = new LongBuffer();
            for (int s = 0; s < ledger.size(); s++) {
                if (keep(ledger, s, stageFilter) && ledger.measuredE2eUs(s) >= 0) {
                    e2e.add(ledger.measuredE2eUs(s));
                    ttft.add(ledger.measuredTtftUs(s));
                    out.add(ledger.outputTokens(s));
                }
            }
            all.e2eUs = e2e.toArray();
            all.ttftUs = ttft.toArray();
            all.output = out.toArray();
            Sample pairs = collect(ledger, r, stageFilter, true, true);
            all.pairedE2e = pairs.e2eUs;
            all.pairedTtft = pairs.ttftUs;
            return all;
        }

        /** Completed simulated requests (or their measured twins), optionally only those measured. */
        private static Sample collect(TraceLedger ledger, SimResult r, int stageFilter, boolean measuredSide,
                boolean onlyMeasured) {
            LongBuffer e2e = new LongBuffer();
            LongBuffer ttft = new LongBuffer();
            LongBuffer out = new LongBuffer();
            long[] serials = r.completedSerial();
            for (int i = 0; i < serials.length; i++) {
                int s = (int) serials[i];
                if (s >= ledger.size() || !keep(ledger, s, stageFilter)) {
                    continue;
                }
                if (onlyMeasured && ledger.measuredE2eUs(s) < 0) {
                    continue;
                }
                e2e.add(measuredSide ? ledger.measuredE2eUs(s) : r.completedE2eUs()[i]);
                ttft.add(measuredSide ? ledger.measuredTtftUs(s) : r.completedTtftUs()[i]);
                out.add(measuredSide ? ledger.outputTokens(s) : r.completedOutputTokens()[i]);
            }
            Sample sample = new Sample();
            sample.e2eUs = e2e.toArray();
            sample.ttftUs = ttft.toArray();
            sample.output = out.toArray();
            return sample;
        }

        private static boolean keep(TraceLedger ledger, int serial, int stageFilter) {
            return !ledger.warmup(serial) && (stageFilter < 0 || ledger.stage(serial) == stageFilter);
        }

        private LatencySummary e2eSummary;
        private LatencySummary ttftSummary;

        /** Summaries of {@link #e2eUs} and {@link #ttftUs}, each sorted once however often asked for. */
        LatencySummary e2eSummary() {
            if (e2eSummary == null) {
                e2eSummary = LatencySummary.ofUs(e2eUs);
            }
            return e2eSummary;
        }

        LatencySummary ttftSummary() {
            if (ttftSummary == null) {
                ttftSummary = LatencySummary.ofUs(ttftUs);
            }
            return ttftSummary;
        }

        double meanOutput() {
            return output.length == 0 ? 0 : Arrays.stream(output).average().orElse(0);
        }

        /**
         * TPOT by the mean formula over {@code meanOutput} tokens (the measured side's, so both sides
         * divide the same decode time by the same count); per-request percentiles only when asked.
         */
        LatencySummary tpotSummary(boolean withPercentiles, double meanOutput) {
            LatencySummary e2e = e2eSummary();
            LatencySummary ttft = ttftSummary();
            double mean = tpotMean(e2e, ttft, meanOutput);
            if (!withPercentiles) {
                return new LatencySummary(e2eUs.length, mean, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] per = new double[e2eUs.length];
            int n = 0;
            for (int i = 0; i < e2eUs.length; i++) {
                if (output[i] > 1) {
                    per[n++] = (double) (e2eUs[i] - ttftUs[i]) / (output[i] - 1);
                }
            }
            double[] sorted = Arrays.copyOf(per, n);
            RadixSort.sortNonNegative(sorted);
            return new LatencySummary(e2eUs.length, mean, Percentiles.percentileMs(sorted, 50),
                    Percentiles.percentileMs(sorted, 90), Percentiles.percentileMs(sorted, 99));
        }
    }

    /** Growable long array local to building one report. */
    private static final class LongBuffer {
        private long[] values = new long[256];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
