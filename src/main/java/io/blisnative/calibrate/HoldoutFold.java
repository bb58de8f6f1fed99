package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;

/**
 * One held-out experiment of a leave-one-group-out validation: coefficients fitted without its
 * group (itself, or every experiment of its model), then tested on it.
 *
 * @param heldOut  the held-out experiment's name
 * @param group    the group left out with it (the experiment's own name when leaving one out)
 * @param fit      the fit on the experiments outside the group (its loss is the training loss)
 * @param test     the held-out experiment simulated with the fold's coefficients
 * @param testLoss {@link CalibrationLoss#experiment} of {@code test}
 */
public record HoldoutFold(String heldOut, String group, FitResult fit, ExperimentReport test, double testLoss) {
}
