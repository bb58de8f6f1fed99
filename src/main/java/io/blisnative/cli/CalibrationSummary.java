package io.blisnative.cli;

import io.blisnative.calibrate.CoefficientsYaml;
import io.blisnative.calibrate.FitResult;
import io.blisnative.calibrate.HoldoutFold;
import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.MetricKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a calibration's training errors and, when run, its leave-one-out errors as text tables. */
final class CalibrationSummary {
    private static final List<MetricKind> METRICS = List.of(MetricKind.E2E, MetricKind.TTFT, MetricKind.TPOT);

    private CalibrationSummary() {
    }

    static void print(PrintWriter out, FitResult fit, Map<String, List<HoldoutFold>> holdouts) {
        out.printf(Locale.ROOT, "Fit on all experiments: loss %.5f after %d evaluations%n", fit.loss(),
                fit.evaluations());
        table(out, "training error, signed %", fit.reports());
        for (Map.Entry<String, List<HoldoutFold>> h : holdouts.entrySet()) {
            out.println();
            out.println(h.getKey() + " (each experiment simulated with the fit made without its group)");
            out.printf(Locale.ROOT, "%-34s %10s %10s %8s %8s %8s%n", "held out", "train loss", "test loss", "E2E %",
                    "TTFT %", "TPOT %");
            for (HoldoutFold f : h.getValue()) {
                ExperimentReport t = f.test();
                out.printf(Locale.ROOT, "%-34s %10.5f %10.5f %+8.2f %+8.2f %+8.2f%n", f.heldOut(), f.fit().loss(),
                        f.testLoss(), t.errorPct(MetricKind.E2E), t.errorPct(MetricKind.TTFT),
                        t.errorPct(MetricKind.TPOT));
            }
            medians(out, h.getValue().stream().map(HoldoutFold::test).toList());
        }
        out.flush();
    }

    private static void table(PrintWriter out, String title, List<ExperimentReport> reports) {
        out.printf(Locale.ROOT, "%-34s %8s %8s %8s   (%s)%n", "experiment", "E2E %", "TTFT %", "TPOT %", title);
        for (ExperimentReport r : reports) {
            out.printf(Locale.ROOT, "%-34s %+8.2f %+8.2f %+8.2f%n", r.name(), r.errorPct(MetricKind.E2E),
                    r.errorPct(MetricKind.TTFT), r.errorPct(MetricKind.TPOT));
        }
        medians(out, reports);
    }

    private static void medians(PrintWriter out, List<ExperimentReport> reports) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-34s", "median |err|"));
        for (MetricKind k : METRICS) {
            s.append(String.format(Locale.ROOT, " %8.2f", CoefficientsYaml.medianAbsErrorPct(reports, k)));
        }
        out.println(s);
    }
}
