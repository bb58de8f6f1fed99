package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.MetricError;
import io.blisnative.metrics.MetricKind;
import io.blisnative.metrics.StageReport;
import java.util.List;
import java.util.Map;

/**
 * The robust loss a calibration minimises over workload-level errors of E2E, TTFT and TPOT.
 *
 * <p>For one comparison (an experiment overall, or one of its load stages) and metric m with
 * measured and simulated means:
 * <pre>
 *   z_m  = ln(sim_m / meas_m) / τ_m            log error in units of the metric's tolerance
 *   ρ(z) = sqrt(1 + z²) − 1                    pseudo-Huber: ≈ z²/2 within tolerance, ≈ |z| − 1 far out
 *   row  = (ρ(z_E2E) + ρ(z_TTFT) + ρ(z_TPOT)) / 3
 * </pre>
 * TTFT is scored half on its mean and half on its median (same tolerance) when both sides have a
 * median: error tables report the mean, but a few cold-start requests of a real run (0.4–2 s
 * first tokens right after the server starts) move the mean by 10 % or more, and a fit that
 * chases them distorts the per-request costs every other step pays.
 * An experiment scores its overall row, or with several measured stages
 * ½·overall + ½·(mean of its stage rows), so each experiment weighs the same whatever its stage
 * count. The loss is the mean over experiments. Log errors treat over- and under-prediction
 * alike and keep a saturated simulation (+1000 %) from drowning every other experiment; the
 * linear tail of ρ does the rest. A missing or non-positive figure scores as a 1000-fold error.
 *
 * @param e2eTolerance  τ of E2E as a fraction (0.05 = 5 %), &gt; 0
 * @param ttftTolerance τ of TTFT as a fraction, &gt; 0
 * @param tpotTolerance τ of TPOT as a fraction, &gt; 0
 */
public record CalibrationLoss(double e2eTolerance, double ttftTolerance, double tpotTolerance) {

    /** The product's accuracy goals: 5 % E2E, 10 % TTFT, 5 % TPOT. */
    public static final CalibrationLoss PRODUCT_GOALS = new CalibrationLoss(0.05, 0.10, 0.05);

    private static final double WORST_LOG_ERROR = Math.log(1000);

    public CalibrationLoss {
        if (!(e2eTolerance > 0) || !(ttftTolerance > 0) || !(tpotTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be > 0, got " + e2eTolerance + ", " + ttftTolerance
                    + ", " + tpotTolerance);
        }
    }

    /** Pseudo-Huber penalty ρ(z) = sqrt(1 + z²) − 1. */
    public static double pseudoHuber(double z) {
        return Math.sqrt(1 + z * z) - 1;
    }

    /**
     * ln(simulated / measured), clamped to ±ln 1000; a missing or non-positive side counts as the
     * clamp (sign: under-prediction when only the simulation is missing).
     */
    public static double logError(double measured, double simulated) {
        if (!(measured > 0) || Double.isInfinite(measured)) {
            return WORST_LOG_ERROR;
        }
        if (!(simulated > 0) || Double.isInfinite(simulated)) {
            return Double.isInfinite(simulated) ? WORST_LOG_ERROR : -WORST_LOG_ERROR;
        }
        double e = Math.log(simulated / measured);
        return Math.max(-WORST_LOG_ERROR, Math.min(WORST_LOG_ERROR, e));
    }

    /** The loss over {@code reports}: the mean of {@link #experiment}. */
    public double total(List<ExperimentReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no experiments to score");
        }
        double sum = 0;
        for (ExperimentReport r : reports) {
            sum += experiment(r);
        }
        return sum / reports.size();
    }

    /** One experiment's score: its overall row, averaged half and half with its stages when it has several. */
    public double experiment(ExperimentReport r) {
        double overall = row(r.metrics());
        List<StageReport> stages = r.stages();
        if (stages.size() < 2) {
            return overall;
        }
        double sum = 0;
        for (StageReport s : stages) {
            sum += row(s.metrics());
        }
        return 0.5 * overall + 0.5 * sum / stages.size();
    }

    /** One comparison row: the mean penalty of E2E, TTFT (mean and median) and TPOT. */
    public double row(Map<MetricKind, MetricError> metrics) {
        MetricError ttft = metrics.get(MetricKind.TTFT);
        double ttftTerm = term(ttft, ttftTolerance);
        if (ttft != null && !Double.isNaN(ttft.measured().p50Ms()) && !Double.isNaN(ttft.simulated().p50Ms())) {
            double median = pseudoHuber(logError(ttft.measured().p50Ms(), ttft.simulated().p50Ms()) / ttftTolerance);
            ttftTerm = 0.5 * ttftTerm + 0.5 * median;
        }
        return (term(metrics.get(MetricKind.E2E), e2eTolerance) + ttftTerm
                + term(metrics.get(MetricKind.TPOT), tpotTolerance)) / 3;
    }

    private static double term(MetricError e, double tolerance) {
        double log = e == null ? WORST_LOG_ERROR : logError(e.measured().meanMs(), e.simulated().meanMs());
        return pseudoHuber(log / tolerance);
    }
}
