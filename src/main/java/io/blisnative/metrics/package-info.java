/**
 * Latency statistics and the measured-versus-simulated error reports.
 *
 * <p>Read first: {@link io.blisnative.metrics.Percentiles} (BLIS-exact mean and percentiles),
 * {@link io.blisnative.metrics.MetricError} (the signed error math) and
 * {@link io.blisnative.metrics.ReportPrinter} (how reports are printed; the JSON contract is in
 * {@code docs/report-format.md}).
 *
 * <p>This package depends on no simulator type: callers build {@link io.blisnative.metrics.LatencySummary}
 * values from µs arrays and assemble {@link io.blisnative.metrics.ExperimentReport} records.
 */
package io.blisnative.metrics;
