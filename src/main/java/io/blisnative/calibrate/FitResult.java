package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;
import java.util.List;

/**
 * The best coefficients one fit found.
 *
 * @param alpha       fitted alphas (µs)
 * @param beta        fitted betas
 * @param loss        {@link CalibrationLoss#total} at the fitted point, on the full (not subsampled) experiments
 * @param evaluations loss evaluations spent, all fidelities together
 * @param reports     each training experiment's report at the fitted point, in input order
 */
public record FitResult(double[] alpha, double[] beta, double loss, int evaluations, List<ExperimentReport> reports) {

    public FitResult {
        alpha = alpha.clone();
        beta = beta.clone();
        reports = List.copyOf(reports);
    }

    @Override
    public double[] alpha() {
        return alpha.clone();
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }
}
