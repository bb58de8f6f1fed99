package io.blisnative.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Converts a BLIS TraceV2 trace (header YAML + data CSV) following BLIS's replay
 * (sim/workload/replay.go): arrival = send time when recorded else arrival time; input = prefix +
 * input tokens for prefix-group rows, else the server's prompt count when recorded, else the
 * client's. Measured TTFT and E2E are kept per request.
 */
final class TraceV2Converter implements TraceConverter {

    /**
     * Smallest injection time taken as an absolute (epoch) timestamp, 10^12 µs ≈ 11.6 days: no
     * relative trace is that long, and epoch µs are around 1.7·10^15.
     */
    static final long EPOCH_THRESHOLD_US = 1_000_000_000_000L;

    static final String TPOT_DEFINITION = "computed from the TraceV2 rows (warm-up excluded): TTFT ="
            + " first_chunk_time_us - send time, E2E = last_chunk_time_us - send time, per request TPOT ="
            + " (E2E - TTFT) / (output_tokens - 1) for output_tokens > 1; no ITL distribution; percentiles"
            + " interpolate linearly between ranks; count = status ok, failures = other statuses";

    @Override
    public Trace convert(Path source, ConvertOptions options) {
        TraceV2Files files = TraceV2Files.locate(source);
        TraceV2Header h = TraceV2Header.read(files.header());
        List<TraceV2Row> rows = TraceV2Row.readAll(files.data());
        if (rows.isEmpty()) {
            throw new TraceFormatException(files.data().toString(), 0, null, "the trace has no request rows");
        }
        long shift = timeShift(rows, files.data().toString());
        List<TraceRequest> requests = new ArrayList<>(rows.size());
        for (TraceV2Row r : rows) {
            requests.add(toRequest(r, shift, h.warmUpRequests(), files.data().toString()));
        }
        // Stable: rows with the same arrival keep their CSV order, which is BLIS's injection order.
        requests.sort(Comparator.comparingLong(TraceRequest::arrivalUs));
        List<String> notes = notes(h, shift, options);
        String model = h.model() != null ? h.model() : options.overrides().model();
        if (model == null) {
            notes.add("no model: the TraceV2 header records none; replay needs --model");
        }
        Integer tp = positive(h.tp());
        if (tp == null && options.overrides().tp() == null) {
            notes.add("tp 1: the TraceV2 header does not record tensor parallelism");
        }
        VllmSettings vllm = new VllmSettings(
                orDefault(positive(h.maxNumSeqs()), VllmSettings.DEFAULT_MAX_NUM_SEQS),
                VllmSettings.DEFAULT_MAX_NUM_BATCHED_TOKENS, positive(h.maxModelLen()),
                orDefault(positive(h.blockSize()), VllmSettings.DEFAULT_BLOCK_SIZE), true, true,
                h.gpuMemoryUtilization() != null && h.gpuMemoryUtilization() > 0 ? h.gpuMemoryUtilization()
                        : VllmSettings.DEFAULT_GPU_MEMORY_UTILIZATION, null, null);
        notes.add("vllm settings the header does not record take BLIS's defaults (max_num_seqs 256,"
                + " max_num_batched_tokens 2048, block_size 16, prefix caching and chunked prefill on,"
                + " gpu_memory_utilization 0.9)");
        notes.addAll(options.notes());
        Provenance provenance = new Provenance(SourceKind.TRACEV2.id(), files.name(), options.sourceRef(),
                ConvertOptions.CONVERTED_BY, notes);
        TraceHeader header = new TraceHeader(TraceHeader.FORMAT, TraceHeader.VERSION, files.name(), files.name(),
                model, ConvertOptions.DEFAULT_HARDWARE, tp == null ? 1 : tp, vllm, List.of(), h.warmUpRequests(),
                options.seed(), provenance, RequestStatistics.measured(requests, TPOT_DEFINITION));
        return new Trace(header, requests);
    }

    /**
     * The offset subtracted from every injection time: none when they are already relative to the
     * trace start (BLIS replays them as they are), the earliest one when they are epoch timestamps.
     */
    static long timeShift(List<TraceV2Row> rows, String file) {
        long min = Long.MAX_VALUE;
        for (TraceV2Row r : rows) {
            min = Math.min(min, r.injectionUs());
        }
        if (min < EPOCH_THRESHOLD_US) {
            return 0;
        }
        for (TraceV2Row r : rows) {
            if (r.sendTimeUs() <= 0) {
                throw new TraceFormatException(file, r.line(), "send_time_us",
                        "missing while other rows carry epoch send times; arrivals would mix clocks");
            }
        }
        return min;
    }

    private static TraceRequest toRequest(TraceV2Row r, long shift, long warmUp, String file) {
        long arrival = r.injectionUs() - shift;
        boolean grouped = !r.prefixGroup().isEmpty() && r.prefixLength() > 0;
        int input;
        if (!r.prefixGroup().isEmpty()) {
            input = r.prefixLength() + r.inputTokens();
        } else {
            input = r.serverInputTokens() > 0 ? r.serverInputTokens() : r.inputTokens();
        }
        Long deadline = null;
        if (r.deadlineUs() > 0) {
            // BLIS deadlines share arrival_time_us's origin; when injection times were shifted off the
            // epoch, keep each request's timeout budget instead.
            deadline = shift == 0 ? r.deadlineUs() : Math.max(1, r.deadlineUs() - r.arrivalTimeUs() + arrival);
        }
        boolean session = !r.sessionId().isEmpty();
        try {
            return new TraceRequest(r.requestId(), arrival, input, r.outputTokens(),
                    grouped ? r.prefixGroup() : null, grouped ? r.prefixLength() : null,
                    session ? r.sessionId() : null, session ? r.roundIndex() : null, null,
                    r.sloClass().isEmpty() ? null : r.sloClass(), deadline,
                    r.requestId() < warmUp ? Boolean.TRUE : null,
                    r.clientId().isEmpty() ? null : r.clientId(), measurement(r));
        } catch (InvalidFieldException e) {
            throw new TraceFormatException(file, r.line(), e.field(), e.detail(), e);
        }
    }

    private static RequestMeasurement measurement(TraceV2Row r) {
        long base = r.injectionUs();
        Long ttft = r.firstChunkTimeUs() > 0 ? r.firstChunkTimeUs() - base : null;
        Long e2e = r.lastChunkTimeUs() > 0 ? r.lastChunkTimeUs() - base : null;
        Integer chunks = r.numChunks() > 0 ? r.numChunks() : null;
        if (ttft == null && e2e == null && chunks == null && r.status().isEmpty()) {
            return null;
        }
        return new RequestMeasurement(ttft, e2e, chunks, r.status().isEmpty() ? "unknown" : r.status());
    }

    private static List<String> notes(TraceV2Header h, long shift, ConvertOptions options) {
        List<String> notes = new ArrayList<>();
        String mode = h.mode() == null ? "unspecified" : h.mode();
        notes.add("TraceV2 trace_version " + h.version() + ", mode " + mode
                + ("generated".equals(mode) ? ": per-request TTFT/E2E are BLIS's simulated values, not measurements"
                        : ""));
        if (h.workloadSeed() != null) {
            notes.add("BLIS workload_seed " + h.workloadSeed());
        }
        notes.add(shift == 0
                ? "arrival_us = send_time_us if > 0 else arrival_time_us, unshifted (already relative; as BLIS replay)"
                : String.format(Locale.ROOT, "arrival_us = send_time_us - %d (epoch µs of the first send), so the"
                        + " first request arrives at 0; deadlines keep each request's timeout budget", shift));
        notes.add("input_tokens = prefix_length + input_tokens in a prefix group, else server_input_tokens when > 0,"
                + " else input_tokens (as BLIS replay)");
        if (h.warmUpRequests() > 0) {
            notes.add("requests with id < " + h.warmUpRequests() + " are marked warmup");
        }
        if (h.contextGrowth() != null && !h.contextGrowth().isEmpty()) {
            notes.add("session_context_growth: " + h.contextGrowth());
        }
        if (h.rttMs() != null) {
            notes.add("network measured_rtt_ms " + TraceJson.format(h.rttMs()));
        }
        if (h.hasKvOffload()) {
            notes.add("the header has a kv_offload block, not carried over");
        }
        return notes;
    }

    private static Integer positive(Integer v) {
        return v == null || v <= 0 ? null : v;
    }

    private static int orDefault(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
