package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;

/**
 * One leave-one-out fold: coefficients fitted without one experiment, then tested on it.
 *
 * @param heldOut   the held-out experiment's name
 * @param fit       the fit on the other experiments (its loss is the training loss)
 * @param test      the held-out experiment simulated with the fold's coefficients
 * @param testLoss  {@link CalibrationLoss#experiment} of {@code test}
 */
public record HoldoutFold(String heldOut, FitResult fit, ExperimentReport test, double testLoss) {
}
