/**
 * Fitting latency-model coefficients to measured experiments with the simulator in the loop.
 *
 * <p>Read first: {@link io.blisnative.calibrate.Calibrator} (the fit and leave-one-out loops),
 * {@link io.blisnative.calibrate.CalibrationLoss} (what is minimised) and
 * {@link io.blisnative.calibrate.ParameterSpace} (which coefficients move, within which bounds).
 * An experiment is a {@link io.blisnative.calibrate.CalibrationTarget}: anything that simulates
 * one measured run for given coefficients and returns its error report; the command line builds
 * them from traces. {@link io.blisnative.calibrate.CoefficientsYaml} writes a fit in the format of
 * {@code config/coefficients/}.
 */
package io.blisnative.calibrate;
