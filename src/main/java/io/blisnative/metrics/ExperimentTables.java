package io.blisnative.metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of a single-experiment report: the metric table (means and p50/p90/p99 with their
 * errors), the counts line, the per-stage table, per-request agreement and the footnotes.
 */
final class ExperimentTables {

    private static final int[] PERCENTILES = {50, 90, 99};

    private ExperimentTables() {
    }

    static List<Block> blocks(ExperimentReport e) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(metricGrid(e));
        blocks.add(countsGrid("counts", "Counts", e.counts()));
        if (!e.stages().isEmpty()) {
            blocks.add(stageGrid(e));
        }
        if (e.hasRequestLevel()) {
            blocks.add(requestGrid(e));
        }
        e.notes().forEach(n -> blocks.add(new Note(n)));
        return blocks;
    }

    private static Grid metricGrid(ExperimentReport e) {
        String where = e.trace().isEmpty() ? "" : ", trace " + e.trace();
        Grid.Builder g = Grid.builder("metrics", "Experiment " + e.name() + " (workload " + e.workload() + where
                + "); latencies in ms, error % = (sim - meas) / meas x 100")
                .column("metric", "metric")
                .column("meas mean", "measured_mean_ms").column("sim mean", "simulated_mean_ms")
                .column("err %", "error_pct");
        for (int p : PERCENTILES) {
            g.column("meas p" + p, "measured_p" + p + "_ms").column("sim p" + p, "simulated_p" + p + "_ms")
                    .column("p" + p + " err %", "p" + p + "_error_pct");
        }
        for (Map.Entry<MetricKind, MetricError> m : e.metrics().entrySet()) {
            MetricError err = m.getValue();
            List<Cell> row = new ArrayList<>(List.of(Cell.label(m.getKey().label(), m.getKey().key()),
                    Cell.ms(err.measuredMeanMs()), Cell.ms(err.simulated().meanMs()), Cell.signedPct(err.errorPct())));
            for (int p : PERCENTILES) {
                row.add(Cell.ms(err.measured().percentileMs(p)));
                row.add(Cell.ms(err.simulated().percentileMs(p)));
                row.add(Cell.signedPct(err.percentileErrorPct(p)));
            }
            g.row(row);
        }
        return g.build();
    }

    static Grid countsGrid(String id, String title, RequestCounts c) {
        return Grid.builder(id, title)
                .column("requests", "requests").column("completed", "completed").column("timed out", "timed_out")
                .column("dropped", "dropped").column("preempted", "preempted")
                .row(List.of(Cell.count(c.requests()), Cell.count(c.completed()), Cell.count(c.timedOut()),
                        Cell.count(c.dropped()), Cell.count(c.preempted())))
                .buildInline();
    }

    private static Grid stageGrid(ExperimentReport e) {
        Set<MetricKind> kinds = EnumSet.noneOf(MetricKind.class);
        e.stages().forEach(s -> kinds.addAll(s.metrics().keySet()));
        Grid.Builder g = Grid.builder("stages", "Per stage; latencies in ms, errors signed %")
                .column("stage", "stage").column("rate req/s", "rate_rps")
                .column("requests", "requests").column("completed", "completed");
        for (MetricKind k : kinds) {
            g.column(k.label() + " meas", k.key() + "_measured_mean_ms")
                    .column(k.label() + " sim", k.key() + "_simulated_mean_ms")
                    .column(k.label() + " err %", k.key() + "_error_pct");
        }
        for (StageReport s : e.stages()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.count(s.index()), Cell.rate(s.rateRps()),
                    Cell.count(s.counts().requests()), Cell.count(s.counts().completed())));
            for (MetricKind k : kinds) {
                MetricError m = s.metrics().get(k);
                row.add(Cell.ms(m == null ? Double.NaN : m.measuredMeanMs()));
                row.add(Cell.ms(m == null ? Double.NaN : m.simulated().meanMs()));
                row.add(Cell.signedPct(m == null ? Double.NaN : m.errorPct()));
            }
            g.row(row);
        }
        return g.build();
    }

    private static Grid requestGrid(ExperimentReport e) {
        Grid.Builder g = Grid.builder("request_level", "Per-request agreement")
                .column("metric", "metric").column("pairs", "pairs").column("MAPE %", "mape_pct")
                .column("Pearson r", "pearson_r");
        for (Map.Entry<MetricKind, MetricError> m : e.metrics().entrySet()) {
            RequestAgreement a = m.getValue().requestLevel();
            if (a != null) {
                g.row(List.of(Cell.label(m.getKey().label(), m.getKey().key()), Cell.count(a.pairs()),
                        Cell.pct(a.mapePct()), Cell.corr(a.pearsonR())));
            }
        }
        return g.build();
    }
}
