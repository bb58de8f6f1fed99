package io.blisnative.metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of a baseline-versus-treatment report: both signed errors and Δpp = |treatment| −
 * |baseline| per experiment, then mean |error| per workload and the overall mean and median |error|.
 * A negative Δpp means the treatment is closer to the measurement.
 */
final class ComparisonTables {

    private ComparisonTables() {
    }

    static List<Block> blocks(ReportComparison c) {
        List<MetricKind> kinds = kinds(c);
        List<Block> blocks = new ArrayList<>();
        blocks.add(experimentGrid(c, kinds));
        blocks.add(workloadGrid(c, kinds));
        blocks.add(overallGrid(c, kinds));
        Set<String> notes = SetTables.notes(c.baseline());
        notes.addAll(SetTables.notes(c.treatment()));
        notes.forEach(n -> blocks.add(new Note(n)));
        return blocks;
    }

    static List<MetricKind> kinds(ReportComparison c) {
        Set<MetricKind> kinds = EnumSet.noneOf(MetricKind.class);
        kinds.addAll(c.baseline().metricKinds());
        kinds.addAll(c.treatment().metricKinds());
        return List.copyOf(kinds);
    }

    private static Grid.Builder columns(Grid.Builder g, List<MetricKind> kinds, String what) {
        for (MetricKind k : kinds) {
            g.column(k.label() + " base", k.key() + "_baseline_" + what)
                    .column(k.label() + " treat", k.key() + "_treatment_" + what)
                    .column(k.label() + " Δpp", k.key() + "_delta_pp");
        }
        return g;
    }

    private static Grid experimentGrid(ReportComparison c, List<MetricKind> kinds) {
        Grid.Builder g = Grid.builder("experiments", "Per-experiment error, signed %; Δpp = |treatment| - |baseline|")
                .column("experiment", "experiment").column("workload", "workload");
        columns(g, kinds, "error_pct");
        for (ExperimentReport b : c.baseline().experiments()) {
            ExperimentReport t = c.treatmentOf(b);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(b.name()), Cell.text(b.workload())));
            for (MetricKind k : kinds) {
                double bp = b.errorPct(k);
                double tp = t.errorPct(k);
                row.add(Cell.signedPct(bp));
                row.add(Cell.signedPct(tp));
                row.add(Cell.signedPct(ReportComparison.deltaPp(bp, tp)));
            }
            g.row(row);
        }
        return g.build();
    }

    private static Grid workloadGrid(ReportComparison c, List<MetricKind> kinds) {
        Grid.Builder g = Grid.builder("workloads", "Mean |error| per workload, %")
                .column("workload", "workload").column("experiments", "experiments");
        columns(g, kinds, "mean_abs_error_pct");
        for (Map.Entry<String, ReportSet> w : c.baseline().byWorkload().entrySet()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(w.getKey()), Cell.count(w.getValue().size())));
            addPair(row, kinds, w.getValue().overall(), c.treatmentOf(w.getValue()).overall(), true);
            g.row(row);
        }
        return g.build();
    }

    private static Grid overallGrid(ReportComparison c, List<MetricKind> kinds) {
        Grid.Builder g = Grid.builder("overall", "Overall (" + SetTables.experiments(c.baseline().size()) + "), %")
                .column("statistic", "statistic");
        columns(g, kinds, "pct");
        Map<MetricKind, OverallError> b = c.baseline().overall();
        Map<MetricKind, OverallError> t = c.treatment().overall();
        List<Cell> mean = new ArrayList<>(List.of(Cell.label("mean |err|", "mean_abs_error_pct")));
        addPair(mean, kinds, b, t, true);
        List<Cell> median = new ArrayList<>(List.of(Cell.label("median |err|", "median_abs_error_pct")));
        addPair(median, kinds, b, t, false);
        return g.row(mean).row(median).build();
    }

    private static void addPair(List<Cell> row, List<MetricKind> kinds, Map<MetricKind, OverallError> b,
                                Map<MetricKind, OverallError> t, boolean mean) {
        for (MetricKind k : kinds) {
            double bv = abs(b.get(k), mean);
            double tv = abs(t.get(k), mean);
            row.add(Cell.pct(bv));
            row.add(Cell.pct(tv));
            row.add(Cell.signedPct(ReportComparison.deltaPp(bv, tv)));
        }
    }

    static double abs(OverallError o, boolean mean) {
        if (o == null) {
            return Double.NaN;
        }
        return mean ? o.meanAbsErrorPct() : o.medianAbsErrorPct();
    }
}
