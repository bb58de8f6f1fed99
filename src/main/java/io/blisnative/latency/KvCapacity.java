package io.blisnative.latency;

import java.util.Locale;
import java.util.Set;

/**
 * KV-cache capacity from GPU memory (spec §2.5, BLIS CalculateKVBlocks): the memory left after
 * weights, activations and non-torch overhead, divided into blocks of {@code blockSize} tokens.
 * The constants follow llm-d-benchmark's capacity planner, as BLIS does.
 */
public final class KvCapacity {

    private static final double ACTIVATION_DENSE_GIB = 5.5;
    private static final double ACTIVATION_MOE_GIB = 8.0;
    private static final double NON_TORCH_TP1_GIB = 0.15;
    private static final double NON_TORCH_MULTI_GPU_GIB = 0.6;
    private static final double GIB = 1L << 30;
    /**
     * GiB per GPU that vLLM (v0.15, H100 80 GB, 2048-token profiling step) keeps outside weights and
     * KV cache, against the catalog's nominal memory. Weights + KV per GPU come to 72 GiB − 1.90 to
     * 2.19 GiB for the dense runs in BLIS's roofline golden dataset: Qwen2.5-7B TP1 (65,368 blocks),
     * Mistral-Nemo TP1 (19,251) and TP2 (48,009), Yi-34B TP2 (20,793), Llama-3.1-70B TP4 (30,425).
     */
    static final double VLLM_RESERVED_GIB_PER_GPU = 2.0;
    /** Gated-MLP activations whose weights the capacity formula counts as three matrices. */
    private static final Set<String> GATED_ACTIVATIONS = Set.of("silu", "swiglu", "geglu", "situ", "");

    private KvCapacity() {
    }

    /** {@link #totalBlocks(ModelConfig, HardwareConfig, int, int, int, double)} with one data-parallel rank. */
    public static long totalBlocks(ModelConfig model, HardwareConfig hw, int tp, int blockSize,
            double gpuMemoryUtilization) {
        return totalBlocks(model, hw, tp, 1, blockSize, gpuMemoryUtilization);
    }

    /**
     * KV blocks that fit on one instance of {@code tp} GPUs:
     * {@code trunc((MemoryGiB·util·TP − weightsGiB − activationGiB − nonTorchGiB)·2^30) / blockBytes},
     * multiplied by {@code dp} for MoE models (each DP rank is its own engine).
     *
     * @param blockSize            tokens per block, &gt; 0
     * @param gpuMemoryUtilization fraction of HBM vLLM may use, in (0, 1]
     * @return number of blocks, ≥ 1
     * @throws IllegalArgumentException when an input is invalid, or when the fixed overhead does
     *         not fit in the memory available; that message names the minimum GPUs per instance
     */
    public static long totalBlocks(ModelConfig model, HardwareConfig hw, int tp, int dp, int blockSize,
            double gpuMemoryUtilization) {
        checkInputs(model, hw, dp, blockSize, gpuMemoryUtilization);
        long perBlockBytes = (long) (kvBytesPerToken(model, tp) * (double) blockSize);
        if (perBlockBytes <= 0) {
            throw new IllegalArgumentException("KV bytes per block is " + perBlockBytes + "; check dtype and TP");
        }
        double availableGiB = hw.memoryGiB() * gpuMemoryUtilization * (double) tp;
        double weightGiB = (double) modelWeightBytes(model) / GIB;
        double activationGiB = model.isMoe() ? ACTIVATION_MOE_GIB : ACTIVATION_DENSE_GIB;
        double nonTorchGiB = (tp == 1 ? NON_TORCH_TP1_GIB : NON_TORCH_MULTI_GPU_GIB) * (double) tp;
        double overheadGiB = weightGiB + activationGiB + nonTorchGiB;
        if (overheadGiB >= availableGiB) {
            throw new IllegalArgumentException(overheadMessage(hw, tp, gpuMemoryUtilization, availableGiB,
                    weightGiB, activationGiB, nonTorchGiB, overheadGiB));
        }
        double allocatableGiB = availableGiB - overheadGiB;
        long blocks = (long) (allocatableGiB * GIB) / perBlockBytes;
        if (blocks <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "KV capacity is 0 blocks (%.2f GiB allocatable, %d bytes per block)", allocatableGiB,
                    perBlockBytes));
        }
        return model.isMoe() && dp > 1 ? blocks * dp : blocks;
    }

    /**
     * KV blocks of one instance of {@code tp} GPUs as vLLM sizes its cache (a block holds
     * {@code blockSize} tokens across all TP shards), per GPU:
     * {@code trunc((MemoryGiB·util − reservedGiB)·2^30 − weightBytes/TP) / (kvBytesPerToken·blockSize)}.
     * vLLM measures what one GPU keeps besides weights and KV (peak activations of a profiling step,
     * CUDA context, communication buffers, and the gap between the nominal 80 GiB and what the driver
     * exposes) and gives the rest of its share to the cache; that reserve does not shrink with TP.
     * {@link #VLLM_RESERVED_GIB_PER_GPU} is read off the block counts vLLM reported for BLIS's H100
     * training runs; BLIS's {@link #totalBlocks} instead charges a fixed activation estimate per
     * instance and counts each token TP times.
     *
     * @return number of blocks, ≥ 1
     * @throws IllegalArgumentException when an input is invalid or the weights leave no memory for KV
     */
    public static long instanceBlocks(ModelConfig model, HardwareConfig hw, int tp, int blockSize,
            double gpuMemoryUtilization) {
        checkInputs(model, hw, 1, blockSize, gpuMemoryUtilization);
        double blockBytes = kvBytesPerToken(model, tp) * (double) blockSize;
        double weightBytesPerGpu = (double) modelWeightBytes(model) / (double) tp;
        double perGpuBytes = (hw.memoryGiB() * gpuMemoryUtilization - VLLM_RESERVED_GIB_PER_GPU) * GIB
                - weightBytesPerGpu;
        long blocks = blockBytes > 0 ? (long) (perGpuBytes / blockBytes) : 0;
        if (blocks <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "KV capacity is 0 blocks: %.2f GiB of weights per GPU and %.1f GiB reserved leave nothing of"
                            + " %.1f GiB x %.0f%% util (TP %d)", weightBytesPerGpu / GIB, VLLM_RESERVED_GIB_PER_GPU,
                    hw.memoryGiB(), gpuMemoryUtilization * 100, tp));
        }
        return blocks;
    }

    private static void checkInputs(ModelConfig model, HardwareConfig hw, int dp, int blockSize, double util) {
        if (!(util > 0 && util <= 1.0)) {
            throw new IllegalArgumentException("gpuMemoryUtilization must be in (0, 1], got " + util);
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        if (dp < 1) {
            throw new IllegalArgumentException("dp must be >= 1, got " + dp);
        }
        if (model.intermediateDim() <= 0) {
            throw new IllegalArgumentException("KV capacity needs the model's intermediate_size (> 0), got "
                    + model.intermediateDim());
        }
        if (model.vocabSize() <= 0) {
            throw new IllegalArgumentException("KV capacity needs the model's vocab_size (> 0), got "
                    + model.vocabSize());
        }
        if (!(hw.memoryGiB() > 0)) {
            throw new IllegalArgumentException("KV capacity needs the GPU's MemoryGiB (> 0), got " + hw.memoryGiB());
        }
        if (!GATED_ACTIVATIONS.contains(model.hiddenAct())) {
            throw new IllegalArgumentException("KV capacity supports only gated-MLP activations "
                    + "(silu, swiglu, geglu, situ), got hidden_act '" + model.hiddenAct() + "'");
        }
    }

    private static String overheadMessage(HardwareConfig hw, int tp, double util, double availableGiB,
            double weightGiB, double activationGiB, double nonTorchGiB, double overheadGiB) {
        double perGpuCapacity = hw.memoryGiB() * util - NON_TORCH_MULTI_GPU_GIB;
        String fit = perGpuCapacity <= 0
                ? "the model cannot fit at any TP (per-GPU memory after non-torch overhead is "
                        + String.format(Locale.ROOT, "%.2f GiB)", perGpuCapacity)
                : "minimum GPUs per instance: " + (int) Math.ceil((weightGiB + activationGiB) / perGpuCapacity);
        return String.format(Locale.ROOT,
                "model overhead %.2f GiB (%.2f weights + %.2f activation + %.2f non-torch) exceeds the GPU memory"
                        + " available for it, %.2f GiB (%.1f GiB x %.0f%% util x %d GPUs); %s",
                overheadGiB, weightGiB, activationGiB, nonTorchGiB, availableGiB, hw.memoryGiB(), util * 100, tp, fit);
    }

    /**
     * KV-cache bytes per token per GPU: {@code L·2·headDim·kvHeads·bytesPerParam/TP}, or for MLA
     * {@code L·(kv_lora_rank + qk_rope_head_dim)·bytesPerParam} (the latent is replicated, not split by TP).
     * When kvHeads &lt; TP the heads are replicated in vLLM and this figure is optimistic, as in BLIS.
     *
     * @throws IllegalArgumentException when TP ≤ 0, when kvHeads ≥ TP is not a multiple of TP, or
     *         when hidden is not a multiple of heads and no head_dim is given
     */
    public static double kvBytesPerToken(ModelConfig model, int tp) {
        if (tp <= 0) {
            throw new IllegalArgumentException("TP must be > 0, got " + tp);
        }
        if (model.isMla()) {
            return (double) model.numLayers() * (double) (model.kvLoraRank() + model.qkRopeHeadDim())
                    * model.bytesPerParam();
        }
        if (model.headDim() <= 0 && model.hiddenDim() % model.numHeads() != 0) {
            throw new IllegalArgumentException("hidden_size (" + model.hiddenDim()
                    + ") must be a multiple of num_attention_heads (" + model.numHeads()
                    + ") when head_dim is not set");
        }
        int kvHeads = model.numKvHeads();
        if (kvHeads >= tp && kvHeads % tp != 0) {
            throw new IllegalArgumentException("num_key_value_heads (" + kvHeads + ") must be divisible by TP ("
                    + tp + ")");
        }
        double perToken = (double) model.numLayers() * 2.0 * (double) model.effectiveHeadDim() * (double) kvHeads
                * model.bytesPerParam();
        return perToken / (double) tp;
    }

    /**
     * Total weight bytes of the model (all GPUs): embeddings, attention, two norms per layer,
     * a three-matrix gated MLP (all routed experts, shared experts and router for MoE layers,
     * the first {@code firstKDenseReplace} layers dense), lm_head unless tied, final norm;
     * times the weight width, truncated.
     */
    public static long modelWeightBytes(ModelConfig m) {
        long hidden = m.hiddenDim();
        long vocab = m.vocabSize();
        long layers = m.numLayers();
        long kvDim = (long) m.numKvHeads() * m.effectiveHeadDim();
        long attentionPerLayer = hidden * (hidden + 2 * kvDim) + hidden * hidden;
        long denseMlpPerLayer = 3 * hidden * m.intermediateDim();
        long mlp;
        if (m.isMoe()) {
            long expertFfn = m.moeExpertFfnDim() > 0 ? m.moeExpertFfnDim() : m.intermediateDim();
            long moePerLayer = 3 * hidden * expertFfn * m.numExperts();
            if (m.sharedExpertFfnDim() > 0) {
                moePerLayer += 3 * hidden * m.sharedExpertFfnDim();
            }
            moePerLayer += m.numExperts() * hidden;
            long densePrefixPerLayer = m.denseIntermediateDim() > 0 ? 3 * hidden * m.denseIntermediateDim()
                    : denseMlpPerLayer;
            long denseLayers = Math.min(m.firstKDenseReplace(), layers);
            mlp = denseLayers * densePrefixPerLayer + (layers - denseLayers) * moePerLayer;
        } else {
            mlp = layers * denseMlpPerLayer;
        }
        long params = vocab * hidden + layers * (attentionPerLayer + 2 * hidden) + mlp
                + (m.tieWordEmbeddings() ? 0 : vocab * hidden) + hidden;
        return (long) ((double) params * m.effectiveWeightBytesPerParam());
    }

    /**
     * Caps a max model length at what the KV cache can hold, {@code totalBlocks·blockSize},
     * when the length needs more blocks than there are (vLLM's limit on model length).
     *
     * @param maxModelLen 0 means unlimited and is returned unchanged
     */
    public static long capMaxModelLen(long maxModelLen, long totalBlocks, int blockSize) {
        if (maxModelLen <= 0 || blockSize <= 0) {
            return maxModelLen;
        }
        long blocksNeeded = (maxModelLen + blockSize - 1) / blockSize;
        return blocksNeeded > totalBlocks ? totalBlocks * blockSize : maxModelLen;
    }
}
