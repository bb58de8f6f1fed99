package io.blisnative.trace;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * The parts of a BLIS TraceV2 header YAML the conversion uses (BLIS sim/workload/tracev2.go
 * {@code TraceHeader}). Unknown keys are rejected, as BLIS rejects them.
 *
 * @param version        {@code trace_version}: 2 or 3
 * @param mode           {@code real} (measured by blis observe), {@code generated} (simulated by blis run)
 *                       or {@code replayed}
 * @param warmUpRequests requests with id below this are warm-up
 * @param workloadSeed   seed BLIS generated the workload with, or null
 * @param contextGrowth  {@code session_context_growth}, or null
 * @param model          {@code server.model}, or null
 * @param tp             {@code server.tensor_parallel}, or null
 * @param maxNumSeqs     {@code server.max_num_seqs}, or null
 * @param blockSize      {@code server.block_size}, or null
 * @param gpuMemoryUtilization {@code server.gpu_memory_utilization}, or null
 * @param maxModelLen    {@code server.max_model_len}, or null
 * @param rttMs          {@code network.measured_rtt_ms}, or null
 * @param hasKvOffload   whether a {@code kv_offload} block is present
 */
record TraceV2Header(int version, String mode, long warmUpRequests, Long workloadSeed, String contextGrowth,
        String model, Integer tp, Integer maxNumSeqs, Integer blockSize, Double gpuMemoryUtilization,
        Integer maxModelLen, Double rttMs, boolean hasKvOffload) {

    private static final Set<String> TOP_KEYS = Set.of("trace_version", "time_unit", "created_at", "mode",
            "warm_up_requests", "workload_seed", "workload_spec", "session_context_growth", "server", "network",
            "goodput_slo_targets", "kv_offload", "observed_kv_metrics");
    private static final Set<String> SERVER_KEYS = Set.of("type", "model", "tensor_parallel", "max_num_seqs",
            "block_size", "gpu_memory_utilization", "max_model_len");
    private static final Set<String> TIME_UNITS = Set.of("us", "microseconds");

    static TraceV2Header read(Path file) {
        SourceDocument doc = SourceDocument.yaml(file);
        rejectUnknown(doc, "", TOP_KEYS);
        if (doc.has("server")) {
            rejectUnknown(doc, "server.", SERVER_KEYS);
        }
        int version = doc.integer("trace_version");
        if (version != 2 && version != 3) {
            throw doc.error("trace_version", "only TraceV2 versions 2 and 3 are supported, got " + version);
        }
        String unit = doc.optionalText("time_unit");
        if (unit != null && !TIME_UNITS.contains(unit)) {
            throw doc.error("time_unit", "must be us or microseconds, got '" + unit + "'");
        }
        Integer warm = doc.optionalInteger("warm_up_requests");
        if (warm != null && warm < 0) {
            throw doc.error("warm_up_requests", "must be >= 0, got " + warm);
        }
        Long seed = doc.has("workload_seed") ? doc.longValue("workload_seed") : null;
        return new TraceV2Header(version, doc.optionalText("mode"), warm == null ? 0 : warm, seed,
                doc.optionalText("session_context_growth"), doc.optionalText("server.model"),
                doc.optionalInteger("server.tensor_parallel"), doc.optionalInteger("server.max_num_seqs"),
                doc.optionalInteger("server.block_size"), doc.optionalNumber("server.gpu_memory_utilization"),
                doc.optionalInteger("server.max_model_len"), doc.optionalNumber("network.measured_rtt_ms"),
                doc.has("kv_offload"));
    }

    private static void rejectUnknown(SourceDocument doc, String prefix, Set<String> known) {
        var node = prefix.isEmpty() ? doc.root() : doc.at(prefix.substring(0, prefix.length() - 1));
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                throw doc.error(prefix + n, "unknown TraceV2 header key");
            }
        }
    }
}
