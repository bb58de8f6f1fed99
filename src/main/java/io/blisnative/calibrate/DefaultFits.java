package io.blisnative.calibrate;

import io.blisnative.latency.LatencyModels;
import java.util.List;
import java.util.Optional;

/**
 * The coefficients a calibration fits when the user names none, per latency model, with bounds
 * wide enough to hold every physically sensible value.
 *
 * <p>kernel-roofline: the fixed costs no kernel benchmark shows: the API front-end delay (α0),
 * the all-reduce call latency (β4), the per-layer, per-step and per-request times (β6, β7, β8),
 * the MoE layer time (β9) and the first-token delivery time per running request (β11), plus the
 * KV-read factor (β2) within the range the kernel profiles show (1.0–1.2). The weight, compute
 * and attention factors (β0, β1, β3), the all-reduce bandwidth term (β5) and the blend exponent
 * (β10) stay at their start values: they come from kernel profiles (docs/accuracy.md), and the
 * shipped measurements (prefix-cached, decode-heavy runs) would trade them against the fixed costs.
 *
 * <p>trained-physics: the coefficients BLIS's own searches moved (weight loading, TP, per-layer,
 * per-request, per-step, decode KV) plus the queueing alpha.
 */
public final class DefaultFits {
    private DefaultFits() {
    }

    /** The default fitted parameters of {@code latencyModel}, empty when it has none (the user must say). */
    public static Optional<List<FitParameter>> of(String latencyModel) {
        switch (latencyModel) {
            case LatencyModels.KERNEL_ROOFLINE:
                return Optional.of(List.of(
                        new FitParameter(true, 0, 0, 40_000),
                        new FitParameter(false, 2, 1.0, 1.2),
                        new FitParameter(false, 4, 0, 40),
                        new FitParameter(false, 6, 0, 150),
                        new FitParameter(false, 7, 0, 3000),
                        new FitParameter(false, 8, 0, 60),
                        new FitParameter(false, 9, 0, 300),
                        new FitParameter(false, 11, 0, 200)));
            case LatencyModels.TRAINED_PHYSICS:
                return Optional.of(List.of(
                        new FitParameter(true, 0, 0, 40_000),
                        new FitParameter(false, 2, 0.5, 3),
                        new FitParameter(false, 3, 0, 100),
                        new FitParameter(false, 4, 0, 100),
                        new FitParameter(false, 5, 0, 50),
                        new FitParameter(false, 6, 0, 2000),
                        new FitParameter(false, 9, 0.2, 4)));
            default:
                return Optional.empty();
        }
    }
}
