package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import java.util.List;

/** Builds a {@link LatencyModel} by name from a {@link LatencyConfig}, validating it first. */
public final class LatencyModels {

    public static final String ROOFLINE = "roofline";
    public static final String ROOFLINE_V2 = "roofline-v2";
    public static final String TRAINED_PHYSICS = "trained-physics";
    public static final String BLACKBOX = "blackbox";
    public static final String KERNEL_ROOFLINE = "kernel-roofline";
    /** The accepted names, sorted. */
    public static final List<String> NAMES = List.of(BLACKBOX, KERNEL_ROOFLINE, ROOFLINE, ROOFLINE_V2,
            TRAINED_PHYSICS);

    private LatencyModels() {
    }

    /**
     * The latency model {@code config.name()} names, wrapped in a {@link SchedulingOverheadModel}
     * when {@code config.scheduling()} adds any cost.
     *
     * <ul>
     *   <li>roofline, roofline-v2: 0 or 3 alphas (none = zeros), no betas; heads divisible by TP,
     *       and KV heads divisible by TP or TP divisible by KV heads (vLLM replicates them); MFUs
     *       &gt; 0. Only roofline-v2 takes a bandwidth efficiency below 1 and overheads.</li>
     *   <li>trained-physics: 3 alphas, 7–11 betas; heads and KV heads divisible by TP,
     *       intermediate_size &gt; 0.</li>
     *   <li>kernel-roofline: 3 alphas, 12 betas (beta[10] ≥ 1); heads divisible by TP.</li>
     *   <li>blackbox: 3 alphas, 3 betas; needs no model or hardware.</li>
     * </ul>
     * All coefficients must be finite and ≥ 0.
     *
     * @throws IllegalArgumentException naming the unknown model, the missing input or the invalid field
     */
    public static LatencyModel create(LatencyConfig config) {
        if (!config.name().equals(ROOFLINE_V2)) {
            rejectV2Options(config);
        }
        return SchedulingOverheadModel.wrap(createStepModel(config), config.scheduling());
    }

    private static LatencyModel createStepModel(LatencyConfig config) {
        switch (config.name()) {
            case ROOFLINE:
                checkRoofline(config);
                return new RooflineModel(config.model(), config.hardware(), config.tp(), rooflineAlpha(config));
            case ROOFLINE_V2:
                checkRoofline(config);
                return new RooflineV2Model(config.model(), config.hardware(), config.tp(), rooflineAlpha(config),
                        config.bandwidthEfficiency(), config.rooflineV2());
            case TRAINED_PHYSICS:
                requireModelAndHardware(config);
                return new TrainedPhysicsModel(config.model(), config.hardware(), config.tp(), config.alpha(),
                        config.beta());
            case KERNEL_ROOFLINE:
                requireModelAndHardware(config);
                return new KernelRooflineModel(config.model(), config.hardware(), config.tp(), config.alpha(),
                        config.beta());
            case BLACKBOX:
                return new BlackboxModel(config.alpha(), config.beta());
            default:
                throw new IllegalArgumentException("unknown latency model '" + config.name() + "' (valid: "
                        + String.join(", ", NAMES) + ")");
        }
    }

    private static void rejectV2Options(LatencyConfig config) {
        if (config.bandwidthEfficiency() != 1.0) {
            throw new IllegalArgumentException("a bandwidth efficiency applies only to " + ROOFLINE_V2 + ", not "
                    + config.name());
        }
        if (!config.rooflineV2().equals(RooflineV2Overheads.NONE)) {
            throw new IllegalArgumentException("step, prefill and all-reduce overheads apply only to " + ROOFLINE_V2
                    + ", not " + config.name());
        }
    }

    private static void checkRoofline(LatencyConfig config) {
        requireModelAndHardware(config);
        checkRooflineTp(config.model(), config.tp());
        if (config.beta().length != 0) {
            throw new IllegalArgumentException(config.name() + " takes no beta coefficients, got "
                    + config.beta().length);
        }
    }

    private static double[] rooflineAlpha(LatencyConfig config) {
        return config.alpha().length == 0 ? new double[3] : config.alpha();
    }

    private static void requireModelAndHardware(LatencyConfig config) {
        if (config.model() == null) {
            throw new IllegalArgumentException(config.name() + " needs a model config");
        }
        if (config.hardware() == null) {
            throw new IllegalArgumentException(config.name() + " needs a hardware config");
        }
    }

    private static void checkRooflineTp(ModelConfig model, int tp) {
        if (model.numHeads() % tp != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + model.numHeads()
                    + ") must be divisible by TP (" + tp + ")");
        }
        int kv = model.numKvHeads();
        if (kv % tp != 0 && tp % kv != 0) {
            throw new IllegalArgumentException("num_key_value_heads (" + kv + ") must be divisible by TP (" + tp
                    + ") or TP by it");
        }
    }
}
