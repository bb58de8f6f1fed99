package io.blisnative.latency;

/**
 * What {@link LatencyModels#create} needs to build a latency model.
 *
 * @param name     latency model name: "roofline", "trained-physics" or "blackbox"
 * @param alpha    alpha coefficients (µs); empty for roofline means all zero
 * @param beta     beta coefficients; roofline takes none, trained-physics 7 to 11, blackbox 3
 * @param model    model architecture; required by roofline and trained-physics, ignored by blackbox (may be null)
 * @param hardware GPU figures; required by roofline and trained-physics, ignored by blackbox (may be null)
 * @param tp       tensor-parallel degree, &gt; 0
 */
public record LatencyConfig(String name, double[] alpha, double[] beta, ModelConfig model, HardwareConfig hardware,
        int tp) {

    public LatencyConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-empty");
        }
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        alpha = alpha == null ? new double[0] : alpha.clone();
        beta = beta == null ? new double[0] : beta.clone();
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
