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
 * defaults; KV blocks come from GPU memory for the analytical models unless given, and
 * max_model_len from the model config, capped by what the KV cache can hold.
 */
final class ServerSetup {
    static final String DEFAULT_LATENCY_MODEL = LatencyModels.TRAINED_PHYSICS;
    static final String DEFAULT_COEFFICIENTS = "trained-physics-iter29";
    private static final long BLACKBOX_DEFAULT_KV_BLOCKS = 1_000_000;

    private ServerSetup() {
    }

    static Server resolve(SimOptions o, ServerDefaults h, PrintWriter err) {
        Catalog catalog = Catalog.load(ConfigDir.locate(o.configDir));
        String latencyName = latencyName(o);
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
                : analytical ? KvCapacity.totalBlocks(model, hardware, tp, blockSize, util) : BLACKBOX_DEFAULT_KV_BLOCKS;
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
        LatencyConfig latencyConfig = latencyConfig(catalog, o, latencyName, model, hardware, gpu, tp, err);
        LatencyModel latency = LatencyModels.create(latencyConfig);
        SimConfig config = new SimConfig(
                first(o.maxNumSeqs, h.maxNumSeqs(), 256),
                first(o.maxNumBatchedTokens, h.maxNumBatchedTokens(), 2048),
                first(o.longPrefillTokenThreshold, 0),
                (int) maxModelLen,
                o.scheduler == null ? QueueOrder.FCFS : QueueOrder.parse(o.scheduler),
                o.preemptionPolicy == null ? PreemptionPolicy.FCFS : PreemptionPolicy.parse(o.preemptionPolicy),
                o.horizonUs == null ? Long.MAX_VALUE : o.horizonUs);
        String description = String.format(Locale.ROOT, "%s on %dx %s, %s, %d KV blocks of %d tokens, max_model_len %d",
                modelName != null ? modelName : o.modelConfigFolder != null ? o.modelConfigFolder : "(no model)", tp, gpu,
                LatencyExtras.describe(latencyConfig), blocks, blockSize, maxModelLen);
        return new Server(config, (int) blocks, blockSize, cpuTier(o, h), latency, latencyName, modelName, gpu, tp, description);
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

    private static String latencyName(SimOptions o) {
        String name = o.latencyModel != null ? o.latencyModel : DEFAULT_LATENCY_MODEL;
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

    private static LatencyConfig latencyConfig(Catalog catalog, SimOptions o, String name, ModelConfig model,
            HardwareConfig hardware, String gpu, int tp, PrintWriter err) {
        double[] alpha = o.alphaCoeffs;
        double[] beta = o.betaCoeffs;
        Coefficients file = null;
        if (o.coefficientsFile != null) {
            file = Catalog.readCoefficients(Path.of(o.coefficientsFile));
        } else if (name.equals(LatencyModels.TRAINED_PHYSICS) && (alpha == null || beta == null)) {
            file = catalog.coefficients().get(DEFAULT_COEFFICIENTS);
        }
        if (file != null) {
            alpha = alpha != null ? alpha : file.alpha();
            beta = beta != null ? beta : file.beta();
        }
        boolean roofline = name.equals(LatencyModels.ROOFLINE) || name.equals(LatencyModels.ROOFLINE_V2);
        if (roofline && beta != null && beta.length > 0) {
            err.println("blis-native: note: " + name + " has no beta coefficients; --beta-coeffs ignored");
            beta = null;
        }
        if (name.equals(LatencyModels.BLACKBOX) && (alpha == null || beta == null)) {
            throw new IllegalArgumentException("blackbox needs --alpha-coeffs and --beta-coeffs (or --coefficients FILE)");
        }
        return new LatencyConfig(name, alpha, beta, model, hardware, tp,
                LatencyExtras.bandwidthEfficiency(catalog, o, name, gpu), LatencyExtras.rooflineV2(o, name, file),
                LatencyExtras.scheduling(o));
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
