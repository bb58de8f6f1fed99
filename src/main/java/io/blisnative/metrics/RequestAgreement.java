package io.blisnative.metrics;

/**
 * Request-by-request agreement between measured and simulated latencies of one metric, for data
 * that pairs each measured request with its simulated twin.
 *
 * @param pairs    number of (measured, simulated) pairs given (≥ 0)
 * @param mapePct  mean absolute percentage error {@code mean(|sim − meas| / meas) × 100} over the
 *                 pairs whose measured value is finite and non-zero (and whose error is finite);
 *                 NaN when no pair qualifies
 * @param pearsonR Pearson correlation of the pairs, NaN when fewer than 3 pairs; 0 when either
 *                 side has no variance
 */
public record RequestAgreement(long pairs, double mapePct, double pearsonR) {

    public RequestAgreement {
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must be >= 0, got " + pairs);
        }
        if (!Double.isNaN(mapePct) && (Double.isInfinite(mapePct) || mapePct < 0)) {
            throw new IllegalArgumentException("mapePct must be NaN or finite and >= 0, got " + mapePct);
        }
        if (!Double.isNaN(pearsonR) && !(pearsonR >= -1.0000001 && pearsonR <= 1.0000001)) {
            throw new IllegalArgumentException("pearsonR must be NaN or in [-1, 1], got " + pearsonR);
        }
    }

    /**
     * Agreement of paired per-request values. Both arrays must use the same unit (any unit: MAPE
     * and r are unit-free) and index i of one must be the same request as index i of the other.
     * The sums follow BLIS's calibration code so that the figures match it.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static RequestAgreement of(double[] measured, double[] simulated) {
        if (measured.length != simulated.length) {
            throw new IllegalArgumentException("measured and simulated must have equal length, got "
                    + measured.length + " and " + simulated.length);
        }
        double r = measured.length >= 3 ? pearson(measured, simulated) : Double.NaN;
        return new RequestAgreement(measured.length, mapeFraction(measured, simulated) * 100, r);
    }

    private static double mapeFraction(double[] measured, double[] simulated) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < measured.length; i++) {
            double m = measured[i];
            if (m == 0 || !Double.isFinite(m)) {
                continue;
            }
            double err = Math.abs(m - simulated[i]) / m;
            if (!Double.isFinite(err)) {
                continue;
            }
            sum += err;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double pearson(double[] x, double[] y) {
        double n = x.length;
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumX2 = 0;
        double sumY2 = 0;
        for (int i = 0; i < x.length; i++) {
            sumX += x[i];
            sumY += y[i];
            sumXY += x[i] * y[i];
            sumX2 += x[i] * x[i];
            sumY2 += y[i] * y[i];
        }
        double num = n * sumXY - sumX * sumY;
        double den = Math.sqrt((n * sumX2 - sumX * sumX) * (n * sumY2 - sumY * sumY));
        return den == 0 ? 0 : num / den;
    }
}
