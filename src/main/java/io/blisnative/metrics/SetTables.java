package io.blisnative.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of a several-experiment report, shaped like a paper's accuracy tables: signed errors
 * per experiment, one table per workload type closed by its mean and median |error|, and the overall
 * summary (mean and median |error|, mean signed error).
 */
final class SetTables {

    private SetTables() {
    }

    static List<Block> blocks(ReportSet set) {
        List<MetricKind> kinds = set.metricKinds();
        List<Block> blocks = new ArrayList<>();
        blocks.add(experimentGrid("experiments", "Per-experiment error, signed % = (sim - meas) / meas x 100",
                set, kinds, true).build());
        for (Map.Entry<String, ReportSet> w : set.byWorkload().entrySet()) {
            ReportSet group = w.getValue();
            Grid.Builder g = experimentGrid("workload:" + w.getKey(),
                    "Workload " + w.getKey() + " (" + experiments(group.size()) + ")", group, kinds, false);
            addAbsRows(g, group.overall(), kinds);
            blocks.add(g.build());
        }
        blocks.add(overallGrid(set, kinds));
        notes(set).forEach(n -> blocks.add(new Note(n)));
        return blocks;
    }

    private static Grid.Builder experimentGrid(String id, String title, ReportSet set, List<MetricKind> kinds,
                                               boolean withWorkload) {
        Grid.Builder g = Grid.builder(id, title).column("experiment", "experiment");
        if (withWorkload) {
            g.column("workload", "workload");
        }
        kinds.forEach(k -> g.column(k.label() + " %", k.key() + "_error_pct"));
        for (ExperimentReport e : set.experiments()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(e.name()));
            if (withWorkload) {
                row.add(Cell.text(e.workload()));
            }
            kinds.forEach(k -> row.add(Cell.signedPct(e.errorPct(k))));
            g.row(row);
        }
        return g;
    }

    private static Grid overallGrid(ReportSet set, List<MetricKind> kinds) {
        Grid.Builder g = Grid.builder("overall", "Overall (" + experiments(set.size()) + ")")
                .column("statistic", "statistic");
        kinds.forEach(k -> g.column(k.label() + " %", k.key() + "_pct"));
        Map<MetricKind, OverallError> overall = set.overall();
        addAbsRows(g, overall, kinds);
        List<Cell> bias = new ArrayList<>(List.of(Cell.label("mean signed", "mean_signed_error_pct")));
        kinds.forEach(k -> bias.add(Cell.signedPct(overall.get(k).meanSignedErrorPct())));
        g.row(bias);
        return g.build();
    }

    /** Appends "mean |err|" and "median |err|" rows to a grid whose columns are a label and then {@code kinds}. */
    private static void addAbsRows(Grid.Builder g, Map<MetricKind, OverallError> overall, List<MetricKind> kinds) {
        List<Cell> mean = new ArrayList<>(List.of(Cell.label("mean |err|", "mean_abs_error_pct")));
        List<Cell> median = new ArrayList<>(List.of(Cell.label("median |err|", "median_abs_error_pct")));
        for (MetricKind k : kinds) {
            OverallError o = overall.get(k);
            mean.add(Cell.pct(o == null ? Double.NaN : o.meanAbsErrorPct()));
            median.add(Cell.pct(o == null ? Double.NaN : o.medianAbsErrorPct()));
        }
        g.row(mean).row(median);
    }

    /** "1 experiment", "3 experiments". */
    static String experiments(int n) {
        return n + (n == 1 ? " experiment" : " experiments");
    }

    /** Distinct footnotes of all experiments, in first-seen order. */
    static Set<String> notes(ReportSet set) {
        Set<String> notes = new LinkedHashSet<>();
        set.experiments().forEach(e -> notes.addAll(e.notes()));
        return notes;
    }
}
