package io.blisnative.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-request lists of a vLLM benchmark result, index-aligned: {@code input_lens} and
 * {@code output_lens} (required), {@code ttfts} (s), {@code itls} (lists of s), {@code latencies} (s),
 * {@code start_times} (s, any origin) and {@code errors} (empty for success), each optional.
 */
final class VllmBenchRequests {

    private static final double US_PER_S = 1_000_000.0;

    private final SourceDocument doc;
    private final JsonNode inputLens;
    private final JsonNode outputLens;
    private final JsonNode ttfts;
    private final JsonNode itls;
    private final JsonNode latencies;
    private final JsonNode startTimes;
    private final JsonNode errors;
    private final double earliestStart;

    private VllmBenchRequests(SourceDocument doc) {
        this.doc = doc;
        this.inputLens = doc.at("input_lens");
        this.outputLens = doc.at("output_lens");
        this.ttfts = optionalList("ttfts");
        this.itls = optionalList("itls");
        this.latencies = optionalList("latencies");
        this.startTimes = optionalList("start_times");
        this.errors = optionalList("errors");
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; startTimes != null && i < startTimes.size(); i++) {
            min = Math.min(min, number(startTimes, "start_times", i));
        }
        this.earliestStart = min;
    }

    /**
     * @throws TraceFormatException naming the missing lists when the file has no per-request data,
     *                              or a list whose length differs from input_lens
     */
    static VllmBenchRequests read(SourceDocument doc) {
        List<String> missing = new ArrayList<>();
        for (String f : new String[] {"input_lens", "output_lens"}) {
            JsonNode n = doc.at(f);
            if (n == null || !n.isArray()) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw doc.error(String.join(", ", missing), "per-request fields missing: the result has only aggregates;"
                    + " re-run vllm bench serve with --save-result --save-detailed");
        }
        return new VllmBenchRequests(doc);
    }

    private JsonNode optionalList(String field) {
        JsonNode n = doc.at(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray() || n.size() != inputLens.size()) {
            throw doc.error(field, "must be a list as long as input_lens (" + inputLens.size() + ")");
        }
        return n;
    }

    int size() {
        if (outputLens.size() != inputLens.size()) {
            throw doc.error("output_lens", "must be a list as long as input_lens (" + inputLens.size() + ")");
        }
        return inputLens.size();
    }

    boolean hasStartTimes() {
        return startTimes != null && startTimes.size() > 0;
    }

    double startTime(int i) {
        return number(startTimes, "start_times", i);
    }

    double earliestStart() {
        return earliestStart;
    }

    /** Request i as a trace request arriving at {@code arrivalUs}; id = i. */
    TraceRequest request(int i, long arrivalUs) {
        int input = (int) integer(inputLens, "input_lens", i);
        int output = (int) integer(outputLens, "output_lens", i);
        boolean ok = isOk(i, output);
        Long ttft = null;
        Long e2e = null;
        Integer chunks = null;
        if (ok && ttfts != null) {
            ttft = Math.round(number(ttfts, "ttfts", i) * US_PER_S);
        }
        if (ok && latencies != null) {
            e2e = Math.round(number(latencies, "latencies", i) * US_PER_S);
        } else if (ok && ttfts != null && itls != null) {
            e2e = Math.round((number(ttfts, "ttfts", i) + sum(itls.get(i), i)) * US_PER_S);
        }
        if (ok && itls != null) {
            chunks = itls.get(i).size() + 1;
        }
        if (ttft != null && e2e != null && e2e < ttft) {
            e2e = ttft;
        }
        RequestMeasurement m = ttfts == null && latencies == null && errors == null ? null
                : new RequestMeasurement(ttft, e2e, chunks, ok ? "ok" : "error");
        try {
            return new TraceRequest(i, arrivalUs, input, output, null, null, null, null, null, null, null, null,
                    null, m);
        } catch (InvalidFieldException e) {
            throw doc.error(e.field() + " (request " + i + ")", e.detail());
        }
    }

    private boolean isOk(int i, int output) {
        if (errors != null) {
            JsonNode e = errors.get(i);
            return e == null || e.isNull() || e.asText().isEmpty();
        }
        return !(ttfts != null && number(ttfts, "ttfts", i) == 0 && output == 0);
    }

    /** Every inter-token gap of every successful request, ms. */
    double[] allItlMs() {
        RequestStatistics.DoubleList all = new RequestStatistics.DoubleList(1024);
        for (int i = 0; itls != null && i < itls.size(); i++) {
            if (!isOk(i, (int) integer(outputLens, "output_lens", i))) {
                continue;
            }
            JsonNode list = itls.get(i);
            for (int j = 0; j < list.size(); j++) {
                all.add(list.get(j).asDouble() * 1000.0);
            }
        }
        return all.trimmed();
    }

    private double sum(JsonNode list, int i) {
        if (!list.isArray()) {
            throw doc.error("itls." + i, "must be a list of numbers");
        }
        double s = 0;
        for (JsonNode x : list) {
            s += x.asDouble();
        }
        return s;
    }

    private double number(JsonNode list, String field, int i) {
        JsonNode n = list.get(i);
        if (n == null || !n.isNumber()) {
            throw doc.error(field + "." + i, "must be a number, got " + n);
        }
        return n.asDouble();
    }

    private long integer(JsonNode list, String field, int i) {
        JsonNode n = list.get(i);
        if (n == null || !n.canConvertToLong() || !(n.isIntegralNumber() || n.asDouble() == Math.rint(n.asDouble()))) {
            throw doc.error(field + "." + i, "must be an integer, got " + n);
        }
        return n.asLong();
    }
}
