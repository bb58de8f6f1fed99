package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.require;
import static io.blisnative.trace.InvalidFieldException.requireAtLeast;
import static io.blisnative.trace.InvalidFieldException.requireOptionalAtLeast;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * vLLM server settings of the traced experiment.
 *
 * @param maxNumSeqs            most requests in one step (vLLM {@code --max-num-seqs})
 * @param maxNumBatchedTokens   token budget per step ({@code --max-num-batched-tokens})
 * @param maxModelLen           context limit in tokens, or null to take it from the model config
 * @param blockSize             KV-cache block size in tokens
 * @param enablePrefixCaching   automatic prefix caching on
 * @param enableChunkedPrefill  chunked prefill on
 * @param gpuMemoryUtilization  fraction of GPU memory vLLM may use, in (0, 1]
 * @param totalKvBlocks         GPU KV blocks when known (overrides the derivation from memory), or null
 * @param cpuKvBlocks           CPU offload KV blocks, or null for no CPU tier
 */
@JsonPropertyOrder({"max_num_seqs", "max_num_batched_tokens", "max_model_len", "block_size",
        "enable_prefix_caching", "enable_chunked_prefill", "gpu_memory_utilization", "total_kv_blocks",
        "cpu_kv_blocks"})
public record VllmSettings(
        @JsonProperty(required = true) int maxNumSeqs,
        @JsonProperty(required = true) int maxNumBatchedTokens,
        Integer maxModelLen,
        @JsonProperty(required = true) int blockSize,
        @JsonProperty(required = true) boolean enablePrefixCaching,
        @JsonProperty(required = true) boolean enableChunkedPrefill,
        @JsonProperty(required = true) double gpuMemoryUtilization,
        Long totalKvBlocks,
        Long cpuKvBlocks) {

    /** BLIS's CLI defaults (cmd/root.go), used when a source does not say. */
    public static final int DEFAULT_MAX_NUM_SEQS = 256;
    public static final int DEFAULT_MAX_NUM_BATCHED_TOKENS = 2048;
    public static final int DEFAULT_BLOCK_SIZE = 16;
    public static final double DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

    public VllmSettings {
        requireAtLeast(maxNumSeqs, 1, "vllm.max_num_seqs");
        requireAtLeast(maxNumBatchedTokens, 1, "vllm.max_num_batched_tokens");
        requireOptionalAtLeast(maxModelLen, 1, "vllm.max_model_len");
        requireAtLeast(blockSize, 1, "vllm.block_size");
        require(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1, "vllm.gpu_memory_utilization",
                "must be in (0, 1], got " + gpuMemoryUtilization);
        requireOptionalAtLeast(totalKvBlocks, 1, "vllm.total_kv_blocks");
        requireOptionalAtLeast(cpuKvBlocks, 0, "vllm.cpu_kv_blocks");
    }

    /** BLIS defaults with prefix caching and chunked prefill on (vLLM v1 defaults). */
    public static VllmSettings defaults() {
        return new VllmSettings(DEFAULT_MAX_NUM_SEQS, DEFAULT_MAX_NUM_BATCHED_TOKENS, null, DEFAULT_BLOCK_SIZE,
                true, true, DEFAULT_GPU_MEMORY_UTILIZATION, null, null);
    }
}
