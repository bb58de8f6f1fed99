package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;

/**
 * One measured experiment that can be simulated with any coefficients of the model being fitted.
 *
 * <p>Implementations must be deterministic (same coefficients, same report) and safe to call from
 * several threads at once: every call runs its own simulation.
 */
public interface CalibrationTarget {

    /** Experiment name, unique within a calibration. */
    String name();

    /**
     * Simulates the experiment and compares it with its measurements.
     *
     * @param alpha the model's alpha coefficients (µs)
     * @param beta  the model's beta coefficients
     * @return the report, with overall and (when measured) per-stage errors of E2E, TTFT and TPOT
     * @throws IllegalArgumentException when the coefficients are invalid for the model
     */
    ExperimentReport simulate(double[] alpha, double[] beta);

    /**
     * A cheaper stand-in for early iterations: the same experiment with only the first
     * {@code fraction} of every load stage simulated, compared with the full stages' measurements.
     *
     * @param fraction in (0, 1]; 1 returns this target
     */
    CalibrationTarget subsample(double fraction);
}
