package io.blisnative.cli;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.Coefficients;
import io.blisnative.latency.HardwareConfig;
import io.blisnative.latency.KvCapacity;
import io.blisnative.latency.LatencyConfig;
import io.blisnative.latency.LatencyModels;
import io.blisnative.latency.ModelConfig;
import io.blisnative.latency.ModelConfigs;
import io.blisnative.latency.ModelDefaults;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.PreemptionPolicy;
import io.blisnative.sim.QueueOrder;
import io.blisnative.sim.SimConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves flags, trace-header settings and catalog defaults into a {@link Server}, the way BLIS's
 * CLI does: flags win over the header, the header over the catalog, the catalog over built-in
 * defaults; KV blocks come from GPU memory for the analytical models unless given (BLIS's count for
 * BLIS's models, vLLM's per-instance count for kernel-roofline), and max_model_len from the model
 * config, capped by what the KV cache can hold.
 */
final class ServerSetup {
    /** BLIS's default model, used when coefficient flags are given without a model (as BLIS does). */
    static final String BLIS_LATENCY_MODEL = LatencyModels.TRAINED_PHYSICS;
    static final String DEFAULT_COEFFICIENTS = "trained-physics-iter29";
    private static final long BLACKBOX_DEFAULT_KV_BLOCKS = 1_000_000;

    private ServerSetup() {
    }

    /** As {@link #resolve(SimOptions, ServerDefaults, PrintWriter)} with the catalog already read. */
    static Server resolve(SimOptions o, ServerDefaults h, PrintWriter err, Catalog catalog) {
        Coefficients fileFit = o.coefficientsFile == null ? null : Catalog.readCoefficients(Path.of(o.coefficientsFile));
        String latencyName = latencyName(o, fileFit, catalog);
        boolean analytical = !latencyName.equals(LatencyModels.BLACKBOX);
        String modelName = first(o.model, h.model());
        Optional<ModelDefaults> modelDefaults = catalog.defaults(modelName);
        String gpu = first(o.hardware, h.hardware(), modelDefaults.map(ModelDefaults::gpu).orElse(null), "H100");
        int tp = first(o.tp, h.tp(), modelDefaults.map(ModelDefaults::tp).orElse(null), 1);
        positive("--tp", tp);
        ModelConfig model = null;
        HardwareConfig hardware = null;
        if (analytical || modelName != null || o.modelConfigFolder != null) {
            model = loadModel(catalog, o, modelName);
            hardware = catalog.resolveHardware(gpu, o.hardwareConfig == null ? null : Path.of(o.hardwareConfig));
        }
        int blockSize = first(o.blockSize, h.blockSize(), 16);
        positive("--block-size-in-tokens", blockSize);
        double util = first(o.gpuMemoryUtilization, h.gpuMemoryUtilization(), 0.9);
        if (!(util > 0 && util <= 1)) {
            throw new IllegalArgumentException("--gpu-memory-utilization must be in (0, 1], got " + util);
        }
        Long givenBlocks = first(o.totalKvBlocks, h.totalKvBlocks());
        long blocks = givenBlocks != null ? givenBlocks
                : !analytical ? BLACKBOX_DEFAULT_KV_BLOCKS
                : latencyName.equals(LatencyModels.KERNEL_ROOFLINE)
                        ? KvCapacity.instanceBlocks(model, hardware, tp, blockSize, util)
                        : KvCapacity.totalBlocks(model, hardware, tp, blockSize, util);
        if (blocks <= 0 || blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--total-kv-blocks must be in [1, " + Integer.MAX_VALUE + "], got " + blocks);
        }
        long maxModelLen = first(o.maxModelLen, h.maxModelLen(), analytical ? (int) Math.min(model.maxModelLen(), Integer.MAX_VALUE) : 0);
        if (maxModelLen < 0) {
            throw new IllegalArgumentException("--max-model-len must be >= 0, got " + maxModelLen);
        }
        if (analytical) {
            maxModelLen = KvCapacity.capMaxModelLen(maxModelLen, blocks, blockSize);
        }
        Coefficients fit = fitFor(catalog, o, latencyName, fileFit);
        boolean async = o.asyncScheduling != null ? o.asyncScheduling : fit != null && fit.asyncScheduling();
        LatencyConfig latencyConfig = latencyConfig(catalog, o, latencyName, fit, model, hardware, gpu, tp, async, err);
        LatencyModel latency = LatencyModels.create(latencyConfig);
        SimConfig config = new SimConfig(
                first(o.maxNumSeqs, h.maxNumSeqs(), 256),
                first(o.maxNumBatchedTokens, h.maxNumBatchedTokens(), 2048),
                first(o.longPrefillTokenThreshold, 0),
                (int) maxModelLen,
                o.scheduler == null ? QueueOrder.FCFS : QueueOrder.parse(o.scheduler),
                o.preemptionPolicy == null ? PreemptionPolicy.FCFS : PreemptionPolicy.parse(o.preemptionPolicy),
                o.horizonUs == null ? Long.MAX_VALUE : o.horizonUs, async);
        String description = String.format(Locale.ROOT, "%s on %dx %s, %s, %d KV blocks of %d tokens, max_model_len %d",
                modelName != null ? modelName : o.modelConfigFolder != null ? o.modelConfigFolder : "(no model)", tp, gpu,
                LatencyExtras.describe(latencyConfig), blocks, blockSize, maxModelLen);
        return new Server(config, (int) blocks, blockSize, cpuTier(o, h), latency, latencyName, modelName, gpu, tp, description,
                latencyConfig);
    }

    private static Server.CpuTier cpuTier(SimOptions o, ServerDefaults h) {
        long cpuBlocks = first(o.kvCpuBlocks, h.cpuKvBlocks(), 0L);
        double bandwidth = first(o.kvTransferBandwidth, 100.0);
        long baseLatency = first(o.kvTransferBaseLatencyUs, 0L);
        if (cpuBlocks < 0 || cpuBlocks > Integer.MAX_VALUE || !(bandwidth > 0) || baseLatency < 0) {
            throw new IllegalArgumentException("CPU KV tier: --kv-cpu-blocks must be in [0, " + Integer.MAX_VALUE
                    + "], --kv-transfer-bandwidth > 0 and --kv-transfer-base-latency >= 0");
        }
        return new Server.CpuTier((int) cpuBlocks, bandwidth, baseLatency);
    }

    /**
     * The latency model: --latency-model; else the --coefficients file's; else trained-physics when
     * coefficient flags are given (BLIS's rule); else the catalog's default fit's model.
     */
    private static String latencyName(SimOptions o, Coefficients fileFit, Catalog catalog) {
        String name;
        if (o.latencyModel != null) {
            name = o.latencyModel;
        } else if (fileFit != null) {
            name = fileFit.latencyModel();
        } else if (o.alphaCoeffs != null || o.betaCoeffs != null) {
            name = BLIS_LATENCY_MODEL;
        } else {
            name = catalog.defaultLatency().map(Coefficients::latencyModel).orElse(BLIS_LATENCY_MODEL);
        }
        if (!LatencyModels.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown latency model '" + name + "' (expected one of "
                    + String.join(", ", LatencyModels.NAMES) + ")");
        }
        return name;
    }

    private static ModelConfig loadModel(Catalog catalog, SimOptions o, String modelName) {
        if (o.modelConfigFolder != null) {
            return ModelConfigs.load(Path.of(o.modelConfigFolder), modelName);
        }
        if (modelName == null) {
            throw new IllegalArgumentException("no model: give --model (see 'blis-native models') or --model-config-folder");
        }
        return catalog.resolveModel(modelName);
    }

    /**
     * The coefficient file a model takes its missing coefficients from: --coefficients FILE; else for
     * trained-physics BLIS's iter29 fit; else the catalog's default fit when it is for this model.
     * Null when the flags give every coefficient or the model needs none.
     */
    private static Coefficients fitFor(Catalog catalog, SimOptions o, String name, Coefficients fileFit) {
        if (fileFit != null) {
            return fileFit;
        }
        if (o.alphaCoeffs != null && o.betaCoeffs != null) {
            return null;
        }
        if (name.equals(LatencyModels.TRAINED_PHYSICS)) {
            return catalog.coefficients().get(DEFAULT_COEFFICIENTS);
        }
        return catalog.defaultLatency().filter(c -> c.latencyModel().equals(name)).orElse(null);
    }

    private static LatencyConfig latencyConfig(Catalog catalog, SimOptions o, String name, Coefficients file,
            ModelConfig model, HardwareConfig hardware, String gpu, int tp, boolean async, PrintWriter err) {
        double[] alpha = o.alphaCoeffs;
        double[] beta = o.betaCoeffs;
        if (file != null) {
            alpha = alpha != null ? alpha : file.alpha();
            beta = beta != null ? beta : file.beta();
        }
        boolean roofline = name.equals(LatencyModels.ROOFLINE) || name.equals(LatencyModels.ROOFLINE_V2);
        if (roofline && beta != null && beta.length > 0) {
            err.println("blis-native: note: " + name + " has no beta coefficients; --beta-coeffs ignored");
            beta = null;
        }
        if ((name.equals(LatencyModels.BLACKBOX) || name.equals(LatencyModels.KERNEL_ROOFLINE))
                && (alpha == null || beta == null)) {
            throw new IllegalArgumentException(name + " needs --alpha-coeffs and --beta-coeffs (or --coefficients FILE)");
        }
        return new LatencyConfig(name, alpha, beta, model, hardware, tp,
                LatencyExtras.bandwidthEfficiency(catalog, o, name, gpu), LatencyExtras.rooflineV2(o, name, file),
                LatencyExtras.scheduling(o, async));
    }

    private static void positive(String flag, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0, got " + v);
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
