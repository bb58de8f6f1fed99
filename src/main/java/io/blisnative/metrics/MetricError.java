package io.blisnative.metrics;

/**
 * Measured versus simulated aggregates of one latency metric, and the errors derived from them.
 * Every error in percent is signed, {@code (sim − meas) / meas × 100}: positive means the simulator
 * over-predicts. An error is NaN when a side lacks the figure or the measured figure is not positive.
 *
 * @param measured     aggregates of the real run
 * @param simulated    aggregates of the simulated run
 * @param requestLevel per-request agreement, or null when the data has no request pairing
 */
public record MetricError(LatencySummary measured, LatencySummary simulated, RequestAgreement requestLevel) {

    public MetricError {
        if (measured == null) {
            throw new IllegalArgumentException("measured must be non-null");
        }
        if (simulated == null) {
            throw new IllegalArgumentException("simulated must be non-null");
        }
    }

    /** Workload-level comparison without per-request pairs. */
    public static MetricError of(LatencySummary measured, LatencySummary simulated) {
        return new MetricError(measured, simulated, null);
    }

    /**
     * Comparison that also scores each request: {@code measuredPerRequest[i]} and
     * {@code simulatedPerRequest[i]} are the same request, in one unit.
     */
    public static MetricError withPairs(LatencySummary measured, LatencySummary simulated,
                                        double[] measuredPerRequest, double[] simulatedPerRequest) {
        return new MetricError(measured, simulated, RequestAgreement.of(measuredPerRequest, simulatedPerRequest));
    }

    /**
     * Signed percent error of {@code simulated} against {@code measured}.
     *
     * @return {@code (simulated − measured) / measured × 100}, or NaN when either is NaN or
     *         {@code measured ≤ 0}
     */
    public static double errorPct(double measured, double simulated) {
        if (Double.isNaN(measured) || Double.isNaN(simulated) || measured <= 0) {
            return Double.NaN;
        }
        return (simulated - measured) / measured * 100;
    }

    /** Signed percent error of the means. */
    public double errorPct() {
        return errorPct(measured.meanMs(), simulated.meanMs());
    }

    /**
     * The measured mean in ms, or NaN when nothing was measured (a trace written by {@code run
     * --trace-output} carries no measurements; its summary's mean of 0 is not a measurement).
     */
    public double measuredMeanMs() {
        return measured.count() > 0 ? measured.meanMs() : Double.NaN;
    }

    /** |simulated mean − measured mean| in ms, NaN when nothing was measured. */
    public double absErrorMs() {
        return Math.abs(simulated.meanMs() - measuredMeanMs());
    }

    /** |{@link #errorPct()}|. */
    public double absErrorPct() {
        return Math.abs(errorPct());
    }

    /** Signed percent error of the 50th percentiles, NaN if either side lacks it. */
    public double p50ErrorPct() {
        return percentileErrorPct(50);
    }

    /** Signed percent error of the 90th percentiles, NaN if either side lacks it. */
    public double p90ErrorPct() {
        return percentileErrorPct(90);
    }

    /** Signed percent error of the 99th percentiles, NaN if either side lacks it. */
    public double p99ErrorPct() {
        return percentileErrorPct(99);
    }

    /** Signed percent error of percentile {@code which} ∈ {50, 90, 99}. */
    public double percentileErrorPct(int which) {
        return errorPct(measured.percentileMs(which), simulated.percentileMs(which));
    }
}
