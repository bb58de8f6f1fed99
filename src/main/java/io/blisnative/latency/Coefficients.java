package io.blisnative.latency;

/**
 * One fitted set of latency-model coefficients with where it came from, as a catalog file in
 * {@code config/coefficients/} holds it.
 *
 * @param name         file name without extension, e.g. "trained-physics-iter29"
 * @param latencyModel the latency model these fit ({@link LatencyModels#NAMES})
 * @param alpha        alpha coefficients (µs), finite and ≥ 0
 * @param beta         beta coefficients, finite and ≥ 0
 * @param source       where the figures were taken from
 * @param data         the measurements they were fitted on
 * @param loss         the fit's reported error
 * @param rooflineV2   roofline-v2 additive overheads ({@link RooflineV2Overheads#NONE} for other models
 *                     or when the file sets none); null means NONE
 * @param asyncScheduling true when the fit assumed vLLM's async scheduling (the simulator then forms the
 *                     next batch while a step runs); false for BLIS's synchronous scheduler
 * @param split        how the fitted data was split into training and validation (null when not stated)
 */
public record Coefficients(String name, String latencyModel, double[] alpha, double[] beta, String source,
        String data, String loss, RooflineV2Overheads rooflineV2, boolean asyncScheduling, String split) {

    public Coefficients {
        for (String[] field : new String[][] {{"name", name}, {"latencyModel", latencyModel}, {"source", source},
                {"data", data}, {"loss", loss}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException(field[0] + " must be non-empty");
            }
        }
        check("alpha", alpha, 0, Integer.MAX_VALUE);
        check("beta", beta, 0, Integer.MAX_VALUE);
        alpha = alpha.clone();
        beta = beta.clone();
        rooflineV2 = rooflineV2 == null ? RooflineV2Overheads.NONE : rooflineV2;
        if (!rooflineV2.equals(RooflineV2Overheads.NONE) && !LatencyModels.ROOFLINE_V2.equals(latencyModel)) {
            throw new IllegalArgumentException("roofline_v2 overheads need latency_model " + LatencyModels.ROOFLINE_V2
                    + ", got " + latencyModel);
        }
    }

    /** A fit for BLIS's synchronous scheduler, split not stated. */
    public Coefficients(String name, String latencyModel, double[] alpha, double[] beta, String source, String data,
            String loss, RooflineV2Overheads rooflineV2) {
        this(name, latencyModel, alpha, beta, source, data, loss, rooflineV2, false, null);
    }

    /** A fit without roofline-v2 overheads. */
    public Coefficients(String name, String latencyModel, double[] alpha, double[] beta, String source, String data,
            String loss) {
        this(name, latencyModel, alpha, beta, source, data, loss, RooflineV2Overheads.NONE);
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

    /**
     * Checks a coefficient array: non-null, length in [min, max], every entry finite and ≥ 0.
     *
     * @throws IllegalArgumentException naming the array and the offending index
     */
    static void check(String name, double[] values, int min, int max) {
        if (values == null) {
            throw new IllegalArgumentException(name + " coefficients must not be null");
        }
        if (values.length < min || values.length > max) {
            String want = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min
                    : min + " to " + max;
            throw new IllegalArgumentException(name + " needs " + want + " coefficients, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be a finite number >= 0, got " + values[i]);
            }
        }
    }
}
