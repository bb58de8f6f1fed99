package io.blisnative.metrics;

import java.util.Arrays;

/**
 * Summary of one metric's signed percent errors across several experiments.
 *
 * @param experiments          number of experiments whose error is defined (NaN errors are skipped)
 * @param meanAbsErrorPct      mean of |error %|, NaN when {@code experiments == 0}
 * @param medianAbsErrorPct    median of |error %| (linear interpolation between the middle two), NaN when none
 * @param meanSignedErrorPct   mean of the signed error % (the bias; positive = over-prediction), NaN when none
 */
public record OverallError(int experiments, double meanAbsErrorPct, double medianAbsErrorPct,
                           double meanSignedErrorPct) {

    public OverallError {
        if (experiments < 0) {
            throw new IllegalArgumentException("experiments must be >= 0, got " + experiments);
        }
    }

    /**
     * Summary of signed percent errors, one per experiment, in any order; NaN entries are skipped.
     */
    public static OverallError of(double[] signedErrorsPct) {
        double[] defined = Arrays.stream(signedErrorsPct).filter(v -> !Double.isNaN(v)).toArray();
        if (defined.length == 0) {
            return new OverallError(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] abs = Arrays.stream(defined).map(Math::abs).sorted().toArray();
        return new OverallError(defined.length, Percentiles.mean(abs), Percentiles.percentile(abs, 50),
                Percentiles.mean(defined));
    }
}
