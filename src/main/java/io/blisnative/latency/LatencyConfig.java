package io.blisnative.latency;

/**
 * What {@link LatencyModels#create} needs to build a latency model.
 *
 * @param name                latency model name, one of {@link LatencyModels#NAMES}
 * @param alpha               alpha coefficients (µs); empty for roofline and roofline-v2 means all zero
 * @param beta                beta coefficients; roofline and roofline-v2 take none, trained-physics 7 to 11,
 *                            blackbox 3
 * @param model               model architecture; required by every model but blackbox (may be null there)
 * @param hardware            GPU figures; required by every model but blackbox (may be null there)
 * @param tp                  tensor-parallel degree, &gt; 0
 * @param bandwidthEfficiency sustained / peak HBM bandwidth for roofline-v2, in (0, 1]; must be 1 for
 *                            the other models
 * @param rooflineV2          roofline-v2's additive overheads; must be {@link RooflineV2Overheads#NONE}
 *                            for the other models; null means NONE
 * @param scheduling          CPU scheduling cost wrapped around any model; null means
 *                            {@link SchedulingOverhead#NONE}
 */
public record LatencyConfig(String name, double[] alpha, double[] beta, ModelConfig model, HardwareConfig hardware,
        int tp, double bandwidthEfficiency, RooflineV2Overheads rooflineV2, SchedulingOverhead scheduling) {

    public LatencyConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-empty");
        }
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        if (!(bandwidthEfficiency > 0 && bandwidthEfficiency <= 1)) {
            throw new IllegalArgumentException("bandwidthEfficiency must be in (0, 1], got " + bandwidthEfficiency);
        }
        alpha = alpha == null ? new double[0] : alpha.clone();
        beta = beta == null ? new double[0] : beta.clone();
        rooflineV2 = rooflineV2 == null ? RooflineV2Overheads.NONE : rooflineV2;
        scheduling = scheduling == null ? SchedulingOverhead.NONE : scheduling;
    }

    /** A config with full bandwidth, no roofline-v2 overheads and no scheduling overhead. */
    public LatencyConfig(String name, double[] alpha, double[] beta, ModelConfig model, HardwareConfig hardware,
            int tp) {
        this(name, alpha, beta, model, hardware, tp, 1.0, RooflineV2Overheads.NONE, SchedulingOverhead.NONE);
    }

    /** A copy of the alphas. */
    @Override
    public double[] alpha() {
        return alpha.clone();
    }

    /** A copy of the betas. */
    @Override
    public double[] beta() {
        return beta.clone();
    }
}
