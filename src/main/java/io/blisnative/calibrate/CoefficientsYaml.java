package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.MetricKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a fit as a coefficients file in the format of {@code config/coefficients/} (readable by
 * {@code --coefficients FILE}), with its provenance: the data, the split, the loss, the fitted
 * coefficients and their bounds, the training errors and, when run, the leave-one-out errors.
 * The output depends only on its inputs (no dates), so a rerun gives the same bytes.
 */
public final class CoefficientsYaml {
    private static final List<MetricKind> METRICS = List.of(MetricKind.E2E, MetricKind.TTFT, MetricKind.TPOT);

    private CoefficientsYaml() {
    }

    /**
     * What the file says besides the coefficients.
     *
     * @param latencyModel    the model the coefficients belong to
     * @param header          comment lines explaining the coefficient layout (without '#')
     * @param optimizer       the optimizer used
     * @param asyncScheduling whether the fit simulated vLLM's async scheduling
     * @param space           the fitted parameters and their bounds
     * @param loss            the loss minimised
     */
    public record Provenance(String latencyModel, List<String> header, OptimizerKind optimizer,
            boolean asyncScheduling, ParameterSpace space, CalibrationLoss loss) {
    }

    /**
     * The YAML text of {@code fit}; {@code holdouts} maps a validation's key (e.g.
     * {@code leave_one_out}) to its folds, in order, and may be empty.
     */
    public static String write(Provenance p, FitResult fit, Map<String, List<HoldoutFold>> holdouts) {
        StringBuilder y = new StringBuilder();
        for (String line : p.header()) {
            y.append("# ").append(line).append('\n');
        }
        List<String> names = fit.reports().stream().map(ExperimentReport::name).toList();
        y.append("latency_model: ").append(p.latencyModel()).append('\n');
        y.append("source: ").append(quote("blis-native calibrate, optimizer " + p.optimizer().key() + ", "
                + fit.evaluations() + " loss evaluations")).append('\n');
        y.append("data: ").append(quote(names.size() + " measured experiments: " + String.join(", ", names)))
                .append('\n');
        y.append("split: ").append(quote(holdouts.isEmpty()
                ? "all experiments listed under data train the fit; no held-out validation was run"
                : "all experiments listed under data train the fit; refits without each held-out group (calibration."
                        + String.join(", calibration.", holdouts.keySet()) + ") estimate the error on unseen"
                        + " experiments")).append('\n');
        y.append("loss: ").append(quote(String.format(Locale.ROOT, "%.6f = mean over experiments of the pseudo-Huber"
                + " penalty of ln(sim/meas) in units of the tolerances E2E %s, TTFT %s, TPOT %s (overall and stage"
                + " means of each experiment weighted half and half)", fit.loss(), pct(p.loss().e2eTolerance()),
                pct(p.loss().ttftTolerance()), pct(p.loss().tpotTolerance())))).append('\n');
        y.append("async_scheduling: ").append(p.asyncScheduling()).append('\n');
        y.append("alpha: ").append(list(fit.alpha())).append('\n');
        y.append("beta: ").append(list(fit.beta())).append('\n');
        y.append("calibration:\n");
        y.append("  optimizer: ").append(p.optimizer().key()).append('\n');
        y.append("  evaluations: ").append(fit.evaluations()).append('\n');
        y.append("  fitted:\n");
        for (FitParameter f : p.space().parameters()) {
            y.append("    ").append(f.name()).append(": [").append(num(f.lower())).append(", ").append(num(f.upper()))
                    .append("]\n");
        }
        y.append("  train_error_pct:\n");
        for (ExperimentReport r : fit.reports()) {
            y.append("    ").append(quote(r.name())).append(": ").append(errors(r)).append('\n');
        }
        y.append("  train_median_abs_error_pct: ").append(medians(fit.reports())).append('\n');
        for (Map.Entry<String, List<HoldoutFold>> h : holdouts.entrySet()) {
            y.append("  ").append(h.getKey()).append(":\n");
            for (HoldoutFold f : h.getValue()) {
                y.append("    ").append(quote(f.heldOut())).append(": ").append(foldLine(f)).append('\n');
            }
            List<ExperimentReport> tests = h.getValue().stream().map(HoldoutFold::test).toList();
            y.append("  ").append(h.getKey()).append("_median_abs_error_pct: ").append(medians(tests)).append('\n');
        }
        return y.toString();
    }

    /** Median over reports of |signed % error| per metric. */
    public static double medianAbsErrorPct(List<ExperimentReport> reports, MetricKind kind) {
        double[] v = reports.stream().mapToDouble(r -> Math.abs(r.errorPct(kind))).filter(d -> !Double.isNaN(d))
                .sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String foldLine(HoldoutFold f) {
        String errs = errors(f.test());
        String group = f.group().equals(f.heldOut()) ? "" : "group: " + quote(f.group()) + ", ";
        return "{" + group + "train_loss: " + fix(f.fit().loss()) + ", test_loss: " + fix(f.testLoss()) + ", "
                + errs.substring(1);
    }

    private static String errors(ExperimentReport r) {
        List<String> parts = new ArrayList<>();
        for (MetricKind k : METRICS) {
            parts.add(k.key() + ": " + fix2(r.errorPct(k)));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String medians(List<ExperimentReport> reports) {
        return "{" + METRICS.stream().map(k -> k.key() + ": " + fix2(medianAbsErrorPct(reports, k)))
                .collect(Collectors.joining(", ")) + "}";
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(CoefficientsYaml::num).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Shortest text that reads back as the same double. */
    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String fix(double v) {
        return Double.isNaN(v) ? ".nan" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String fix2(double v) {
        return Double.isNaN(v) ? ".nan" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%s %%", num(fraction * 100));
    }

    /** A YAML double-quoted scalar (JSON escaping is valid YAML). */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
