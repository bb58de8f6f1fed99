package io.blisnative.cli;

import picocli.CommandLine.Option;

/**
 * Server and latency-model flags shared by {@code run} and {@code replay}, under BLIS's names.
 * A null field means "not given": replay then takes the trace header's value, run the default.
 */
public final class SimOptions {
    @Option(names = "--model", paramLabel = "ID", description = "Model: a HuggingFace id or short name from the catalog (see 'models').")
    String model;

    @Option(names = "--hardware", paramLabel = "GPU", description = "GPU name from the catalog or from --hardware-config (e.g. H100).")
    String hardware;

    @Option(names = "--tp", paramLabel = "N", description = "Tensor-parallel degree (default: the catalog's for the model, else 1).")
    Integer tp;

    @Option(names = "--latency-model", paramLabel = "NAME",
            description = "Step-time model: kernel-roofline, trained-physics, roofline, roofline-v2, blackbox (default:"
                    + " the catalog's default fit, kernel-roofline (config/defaults.yaml); trained-physics when only"
                    + " --alpha-coeffs/--beta-coeffs are given; a --coefficients FILE's own model).")
    String latencyModel;

    @Option(names = "--alpha-coeffs", split = ",", paramLabel = "A0,A1,A2", description = "Alpha coefficients in µs.")
    double[] alphaCoeffs;

    @Option(names = "--beta-coeffs", split = ",", paramLabel = "B0,...", description = "Beta coefficients of the latency model.")
    double[] betaCoeffs;

    @Option(names = "--coefficients", paramLabel = "FILE", description = "Coefficients YAML file (as in config/coefficients/).")
    String coefficientsFile;

    @Option(names = "--bw-efficiency", paramLabel = "F",
            description = "roofline-v2: sustained/peak HBM bandwidth in (0, 1] (default: the GPU's figure, H100 0.82, else 1).")
    Double bwEfficiency;

    @Option(names = "--step-overhead-us", paramLabel = "US",
            description = "roofline-v2: per-step overhead T, scaled by T(1 + 0.15 log2(n/2)(0.3 + 2 decode share)) above 2 requests (default 0).")
    Double stepOverheadUs;

    @Option(names = "--prefill-overhead-us", paramLabel = "US",
            description = "roofline-v2: overhead per prefill request in a step without decodes (default 0).")
    Double prefillOverheadUs;

    @Option(names = "--mixed-prefill-overhead-us", paramLabel = "US",
            description = "roofline-v2: overhead per prefill request in a step that also decodes (default 0).")
    Double mixedPrefillOverheadUs;

    @Option(names = "--allreduce-latency-us", paramLabel = "US",
            description = "roofline-v2: latency per all-reduce, two per layer, when TP > 1 (default 0).")
    Double allReduceLatencyUs;

    @Option(names = "--sched-overhead-us", paramLabel = "US", description = "CPU scheduling time per step, any latency model (default 0).")
    Double schedOverheadUs;

    @Option(names = "--sched-overhead-per-request-us", paramLabel = "US",
            description = "CPU scheduling time per scheduled request per step (default 0).")
    Double schedOverheadPerRequestUs;

    @Option(names = "--postprocess-overhead-us", paramLabel = "US", description = "Post-processing time after each step (default 0).")
    Double postprocessOverheadUs;

    @Option(names = "--async-scheduling", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "vLLM's async scheduling: the next batch is formed while a step runs, so a request arriving"
                    + " mid-step joins the batch after next, and CPU scheduling overlaps the GPU step (step ="
                    + " max(GPU, CPU schedule) + post-processing). Default: the coefficient fit's setting (on for"
                    + " the default kernel-roofline fit), else off as in BLIS.")
    Boolean asyncScheduling;

    @Option(names = "--total-kv-blocks", paramLabel = "N",
            description = "KV blocks on the GPU(s); default: derived from GPU memory for roofline/trained-physics, else 1000000.")
    Long totalKvBlocks;

    @Option(names = "--block-size-in-tokens", paramLabel = "N", description = "Tokens per KV block (default 16).")
    Integer blockSize;

    @Option(names = "--max-num-seqs", paramLabel = "N", description = "Max requests in a batch (default 256).")
    Integer maxNumSeqs;

    @Option(names = "--max-num-batched-tokens", paramLabel = "N", description = "Token budget per step (default 2048).")
    Integer maxNumBatchedTokens;

    @Option(names = "--long-prefill-token-threshold", paramLabel = "N", description = "Max prompt tokens per request per step; 0 = off.")
    Integer longPrefillTokenThreshold;

    @Option(names = "--max-model-len", paramLabel = "N",
            description = "Max sequence length; 0 = unlimited; default: from the model config, capped by KV capacity.")
    Integer maxModelLen;

    @Option(names = "--gpu-memory-utilization", paramLabel = "F", description = "Share of GPU memory vLLM may use (default 0.9).")
    Double gpuMemoryUtilization;

    @Option(names = "--scheduler", paramLabel = "NAME", description = "Wait-queue order: fcfs, priority-fcfs, sjf, reverse-priority (default fcfs).")
    String scheduler;

    @Option(names = "--preemption-policy", paramLabel = "NAME", description = "Victim under KV pressure: fcfs or priority (default fcfs).")
    String preemptionPolicy;

    @Option(names = "--kv-cpu-blocks", paramLabel = "N", description = "CPU KV tier capacity in blocks; 0 = no tier (default 0).")
    Long kvCpuBlocks;

    @Option(names = "--kv-transfer-bandwidth", paramLabel = "B", description = "CPU tier reload bandwidth in blocks per µs (default 100).")
    Double kvTransferBandwidth;

    @Option(names = "--kv-transfer-base-latency", paramLabel = "US", description = "Fixed latency per reloaded block in µs (default 0).")
    Long kvTransferBaseLatencyUs;

    @Option(names = "--model-config-folder", paramLabel = "DIR", description = "Folder holding a HuggingFace config.json for the model.")
    String modelConfigFolder;

    @Option(names = "--hardware-config", paramLabel = "FILE", description = "BLIS-format hardware JSON file (GPU name -> figures).")
    String hardwareConfig;

    @Option(names = "--horizon", paramLabel = "US", description = "Stop after the first event past this time (µs).")
    Long horizonUs;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Catalog folder (default: config/ next to the executable).")
    String configDir;

    @Option(names = "--verbose", description = "Print stack traces for errors.")
    boolean verbose;
}
