package io.blisnative.latency;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * vLLM's MoE all-to-all backends (VLLM_ALL2ALL_BACKEND). They matter only for MoE models with
 * data parallelism &gt; 1, where the trained-physics model charges expert dispatch/combine
 * traffic: the all-gather family moves every token's hidden state once per phase, the
 * all-to-all family moves it to each of its top-k experts.
 */
public enum MoeCommBackend {
    NAIVE("naive", false),
    ALLGATHER_REDUCESCATTER("allgather_reducescatter", false),
    PPLX("pplx", true),
    DEEPEP_HIGH_THROUGHPUT("deepep_high_throughput", true),
    DEEPEP_LOW_LATENCY("deepep_low_latency", true),
    MORI("mori", true),
    FLASHINFER_ALL2ALLV("flashinfer_all2allv", true);

    /** vLLM's default backend. */
    public static final MoeCommBackend DEFAULT = ALLGATHER_REDUCESCATTER;

    private final String vllmName;
    private final boolean topKVolume;

    MoeCommBackend(String vllmName, boolean topKVolume) {
        this.vllmName = vllmName;
        this.topKVolume = topKVolume;
    }

    /** The name vLLM uses for this backend. */
    public String vllmName() {
        return vllmName;
    }

    /** True when traffic scales with experts per token (all-to-all family), false for the all-gather family. */
    public boolean topKVolume() {
        return topKVolume;
    }

    /**
     * The backend with this vLLM name.
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static MoeCommBackend fromVllmName(String name) {
        for (MoeCommBackend b : values()) {
            if (b.vllmName.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown MoE comm backend '" + name + "' (valid: "
                + Arrays.stream(values()).map(MoeCommBackend::vllmName).collect(Collectors.joining(", ")) + ")");
    }
}
