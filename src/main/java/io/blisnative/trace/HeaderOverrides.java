package io.blisnative.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Header values given on the command line; each non-null one replaces what the source said (or
 * fills what it did not say). Applied after conversion and recorded in the provenance notes.
 */
public record HeaderOverrides(
        String name,
        String workload,
        String model,
        String hardware,
        Integer tp,
        Integer maxNumSeqs,
        Integer maxNumBatchedTokens,
        Integer maxModelLen,
        Integer blockSize,
        Boolean enablePrefixCaching,
        Boolean enableChunkedPrefill,
        Double gpuMemoryUtilization,
        Long totalKvBlocks,
        Long cpuKvBlocks) {

    /** No overrides. */
    public static HeaderOverrides none() {
        return new HeaderOverrides(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Applies the overrides; adds one provenance note listing them when there are any. */
    public TraceHeader apply(TraceHeader h) {
        List<String> changed = new ArrayList<>();
        VllmSettings v = h.vllm();
        VllmSettings nv = new VllmSettings(
                pick(maxNumSeqs, v.maxNumSeqs(), "max_num_seqs", changed),
                pick(maxNumBatchedTokens, v.maxNumBatchedTokens(), "max_num_batched_tokens", changed),
                pick(maxModelLen, v.maxModelLen(), "max_model_len", changed),
                pick(blockSize, v.blockSize(), "block_size", changed),
                pick(enablePrefixCaching, v.enablePrefixCaching(), "enable_prefix_caching", changed),
                pick(enableChunkedPrefill, v.enableChunkedPrefill(), "enable_chunked_prefill", changed),
                pick(gpuMemoryUtilization, v.gpuMemoryUtilization(), "gpu_memory_utilization", changed),
                pick(totalKvBlocks, v.totalKvBlocks(), "total_kv_blocks", changed),
                pick(cpuKvBlocks, v.cpuKvBlocks(), "cpu_kv_blocks", changed));
        String nName = pick(name, h.name(), "name", changed);
        String nWorkload = pick(workload, h.workload(), "workload", changed);
        String nModel = pick(model, h.model(), "model", changed);
        String nHardware = pick(hardware, h.hardware(), "hardware", changed);
        int nTp = pick(tp, h.tp(), "tp", changed);
        Provenance p = h.provenance();
        if (!changed.isEmpty()) {
            List<String> notes = new ArrayList<>(p.notes());
            notes.add("set by convert options: " + String.join(", ", changed));
            p = new Provenance(p.sourceKind(), p.source(), p.sourceRef(), p.convertedBy(), notes);
        }
        return new TraceHeader(h.format(), h.version(), nName, nWorkload, nModel, nHardware, nTp, nv, h.stages(),
                h.warmUpRequests(), h.seed(), p, h.measured());
    }

    private static <T> T pick(T override, T current, String field, List<String> changed) {
        if (override == null || override.equals(current)) {
            return current;
        }
        changed.add(field + "=" + (override instanceof Double d ? TraceJson.format(d) : String.valueOf(override)));
        return override;
    }
}
