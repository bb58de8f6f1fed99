package io.blisnative.trace;

import java.nio.file.Path;

/**
 * One inference-perf {@code *_lifecycle_metrics.json} file (latencies in seconds) reduced to what the
 * trace header carries (latencies in ms).
 *
 * @param stats         the header figures
 * @param sent          requests sent ({@code load_summary.count})
 * @param sendDurationS time the client spent sending, s, or null (absent in summary files)
 * @param maxLatencyS   longest request latency, successes or failures, s (0 when unknown)
 */
record LifecycleMetrics(MeasuredStats stats, long sent, Double sendDurationS, double maxLatencyS) {

    static final String TPOT_DEFINITION = "inference-perf lifecycle metrics: per successful request"
            + " TPOT = (E2E - TTFT) / (output_len - 1) (time_per_output_token); ITL = every gap between streamed"
            + " chunks (inter_token_latency; chunks can come in pairs, so its p50 can be near 0); E2E ="
            + " request_latency; TTFT = time_to_first_token; latency figures cover successful requests only";

    private static final double MS_PER_S = 1000.0;

    static LifecycleMetrics read(Path file, Integer index) {
        SourceDocument doc = SourceDocument.json(file);
        long successes = doc.longValue("successes.count");
        long failures = doc.has("failures.count") ? doc.longValue("failures.count") : 0;
        long sent = doc.has("load_summary.count") ? doc.longValue("load_summary.count") : successes + failures;
        MeasuredStats stats = new MeasuredStats(index, successes, failures,
                latency(doc, "successes.latency.request_latency"),
                latency(doc, "successes.latency.time_to_first_token"),
                latency(doc, "successes.latency.time_per_output_token"),
                latency(doc, "successes.latency.inter_token_latency"),
                doc.optionalNumber("successes.prompt_len.mean"),
                doc.optionalNumber("successes.output_len.mean"),
                doc.optionalNumber("load_summary.achieved_rate"));
        double max = Math.max(orZero(doc.optionalNumber("successes.latency.request_latency.max")),
                orZero(doc.optionalNumber("failures.request_latency.max")));
        return new LifecycleMetrics(stats, sent, doc.optionalNumber("load_summary.send_duration"), max);
    }

    private static LatencyStats latency(SourceDocument doc, String path) {
        if (!doc.has(path)) {
            return null;
        }
        return new LatencyStats(ms(doc, path + ".mean"), ms(doc, path + ".median"), ms(doc, path + ".p90"),
                ms(doc, path + ".p99"));
    }

    private static Double ms(SourceDocument doc, String path) {
        Double s = doc.optionalNumber(path);
        return s == null ? null : s * MS_PER_S;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** Same figures with another achieved rate. */
    LifecycleMetrics withAchievedRate(Double rate) {
        MeasuredStats s = stats;
        return new LifecycleMetrics(new MeasuredStats(s.index(), s.count(), s.failures(), s.e2e(), s.ttft(), s.tpot(),
                s.itl(), s.promptLenMean(), s.outputLenMean(), rate), sent, sendDurationS, maxLatencyS);
    }
}
