package io.blisnative.metrics;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Prints error reports in one {@link Format}. Numbers are formatted with {@link java.util.Locale#ROOT}
 * and fixed decimals (ms and % with 2, Pearson r with 3); JSON keeps full precision. Lines end with
 * '\n'. The writer is flushed, never closed.
 *
 * <p>Layouts: a {@link ReportSet} of one experiment prints the single-experiment layout (metric
 * table, counts, stages, per-request agreement, footnotes); a larger set prints the per-experiment,
 * per-workload and overall tables; a {@link ReportComparison} prints baseline, treatment and Δpp.
 * JSON always has the report document shape, whatever the number of experiments.
 */
public final class ReportPrinter {

    private final Format format;

    /** @param format output format, non-null */
    public ReportPrinter(Format format) {
        if (format == null) {
            throw new IllegalArgumentException("format must be non-null");
        }
        this.format = format;
    }

    /** Prints one experiment. */
    public void print(ExperimentReport experiment, PrintWriter out) {
        print(ReportSet.of(experiment), out);
    }

    /** Prints a set of experiments (the single-experiment layout when it holds exactly one). */
    public void print(ReportSet report, PrintWriter out) {
        if (format == Format.JSON) {
            json(() -> ReportJsonWriter.write(report, out));
            return;
        }
        BlockWriter.of(format).write(report.size() == 1
                ? ExperimentTables.blocks(report.experiments().get(0))
                : SetTables.blocks(report), out);
    }

    /** Prints a baseline-versus-treatment comparison. */
    public void print(ReportComparison comparison, PrintWriter out) {
        if (format == Format.JSON) {
            json(() -> ComparisonJsonWriter.write(comparison, out));
            return;
        }
        BlockWriter.of(format).write(ComparisonTables.blocks(comparison), out);
    }

    private interface JsonAction {
        void run() throws IOException;
    }

    private static void json(JsonAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON report: " + e.getMessage(), e);
        }
    }
}
