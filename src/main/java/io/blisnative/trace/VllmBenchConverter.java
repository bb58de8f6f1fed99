package io.blisnative.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Converts a {@code vllm bench serve --save-result --save-detailed} result JSON (vLLM
 * vllm/benchmarks/serve.py): one request per entry of the per-request lists, the file's summary
 * figures as measured aggregates (figures the file lacks are computed from the per-request lists).
 */
final class VllmBenchConverter implements TraceConverter {

    static final String TPOT_DEFINITION = "vllm bench serve: per successful request TPOT = (latency - TTFT) /"
            + " (output_len - 1) for output_len > 1; ITL = every gap between streamed chunks; E2E = latency"
            + " (E2EL); percentiles interpolate linearly between ranks (numpy)";

    private static final double US_PER_S = 1_000_000.0;

    @Override
    public Trace convert(Path source, ConvertOptions options) {
        SourceDocument doc = SourceDocument.json(source);
        VllmBenchRequests per = VllmBenchRequests.read(doc);
        List<TraceRequest> requests = new ArrayList<>(per.size());
        Double rate = finiteRate(doc);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < per.size(); i++) {
            requests.add(per.request(i, arrivalUs(per, i, rate)));
        }
        requests.sort(Comparator.comparingLong(TraceRequest::arrivalUs));
        notes.add(per.hasStartTimes() ? "arrival_us = start_times - earliest start_time"
                : rate != null ? "no start_times in the file: arrivals at fixed intervals 1/request_rate"
                : "no start_times and request_rate inf: every request arrives at 0");
        Object concurrency = doc.optionalText("max_concurrency");
        if (concurrency != null) {
            notes.add("max_concurrency " + concurrency + ": the client capped in-flight requests; a replay that"
                    + " sends at arrival_us does not reproduce the cap");
        }
        notes.add("tp 1 and BLIS's default vllm settings unless given to convert: the result file does not"
                + " record them");
        notes.addAll(options.notes());
        String model = doc.optionalText("model_id");
        if (model == null) {
            model = options.overrides().model();
        }
        if (model == null) {
            throw doc.error("model_id", "is required (or pass --model)");
        }
        String name = stem(source);
        long durationUs = Math.round(orZero(doc.optionalNumber("duration")) * US_PER_S);
        List<TraceStage> stages = List.of(new TraceStage(0, 0, durationUs, rate));
        Provenance provenance = new Provenance(SourceKind.VLLM_BENCH.id(), source.getFileName().toString(),
                options.sourceRef(), ConvertOptions.CONVERTED_BY, notes);
        TraceHeader header = new TraceHeader(TraceHeader.FORMAT, TraceHeader.VERSION, name, "vllm-bench", model,
                ConvertOptions.DEFAULT_HARDWARE, 1, VllmSettings.defaults(), stages, 0, options.seed(), provenance,
                measured(doc, requests, per));
        return new Trace(header, requests);
    }

    private static long arrivalUs(VllmBenchRequests per, int i, Double rate) {
        if (per.hasStartTimes()) {
            return Math.round((per.startTime(i) - per.earliestStart()) * US_PER_S);
        }
        return rate == null ? 0 : Math.round(i * US_PER_S / rate);
    }

    private static Double finiteRate(SourceDocument doc) {
        JsonNode r = doc.at("request_rate");
        if (r == null || !r.isNumber()) {
            return null;
        }
        double v = r.asDouble();
        return v > 0 && Double.isFinite(v) ? v : null;
    }

    private static Measured measured(SourceDocument doc, List<TraceRequest> requests, VllmBenchRequests per) {
        Measured computed = RequestStatistics.measured(requests, TPOT_DEFINITION);
        MeasuredStats c = computed == null ? new MeasuredStats(null, 0, 0, null, null, null, null, null, null, null)
                : computed.overall();
        Integer completed = doc.optionalInteger("completed");
        Integer failed = doc.optionalInteger("failed");
        long count = completed != null ? completed : c.count();
        Double promptMean = completed != null && completed > 0 && doc.has("total_input_tokens")
                ? doc.number("total_input_tokens") / completed : c.promptLenMean();
        Double outputMean = completed != null && completed > 0 && doc.has("total_output_tokens")
                ? doc.number("total_output_tokens") / completed : c.outputLenMean();
        Double rate = doc.optionalNumber("request_throughput");
        MeasuredStats overall = new MeasuredStats(null, count, failed != null ? failed : c.failures(),
                merge(doc, "e2el", c.e2e()), merge(doc, "ttft", c.ttft()), merge(doc, "tpot", c.tpot()),
                merge(doc, "itl", SampleSummary.latency(per.allItlMs())), promptMean, outputMean,
                rate != null ? rate : c.achievedRate());
        return new Measured(TPOT_DEFINITION + "; achieved_rate = request_throughput (completed / duration)",
                overall, List.of());
    }

    /** The file's figure for each statistic, else the one computed from the per-request lists. */
    private static LatencyStats merge(SourceDocument doc, String metric, LatencyStats computed) {
        LatencyStats c = computed == null ? new LatencyStats(null, null, null, null) : computed;
        LatencyStats m = new LatencyStats(
                pick(doc, "mean_" + metric + "_ms", c.meanMs()),
                pick(doc, "median_" + metric + "_ms", pick(doc, "p50_" + metric + "_ms", c.p50Ms())),
                pick(doc, "p90_" + metric + "_ms", c.p90Ms()),
                pick(doc, "p99_" + metric + "_ms", c.p99Ms()));
        boolean empty = m.meanMs() == null && m.p50Ms() == null && m.p90Ms() == null && m.p99Ms() == null;
        return empty ? null : m;
    }

    private static Double pick(SourceDocument doc, String field, Double fallback) {
        Double v = doc.optionalNumber(field);
        return v != null ? v : fallback;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static String stem(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
