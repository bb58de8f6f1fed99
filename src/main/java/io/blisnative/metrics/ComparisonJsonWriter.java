package io.blisnative.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ReportComparison} as {@code {"baseline": report, "treatment": report,
 * "comparison": {...}}}, where each report has the shape of {@link ReportJsonWriter} and the
 * comparison holds per experiment, per workload and overall the two errors and
 * {@code delta_pp = |treatment| − |baseline|}.
 */
final class ComparisonJsonWriter {

    private ComparisonJsonWriter() {
    }

    static void write(ReportComparison c, Writer out) throws IOException {
        List<MetricKind> kinds = ComparisonTables.kinds(c);
        try (JsonGenerator gen = ReportJsonWriter.open(out)) {
            gen.writeStartObject();
            gen.writeFieldName("baseline");
            ReportJsonWriter.writeReport(gen, c.baseline());
            gen.writeFieldName("treatment");
            ReportJsonWriter.writeReport(gen, c.treatment());
            gen.writeObjectFieldStart("comparison");
            writeExperiments(gen, c, kinds);
            gen.writeObjectFieldStart("workloads");
            for (Map.Entry<String, ReportSet> w : c.baseline().byWorkload().entrySet()) {
                gen.writeFieldName(w.getKey());
                writeSummary(gen, w.getValue().overall(), c.treatmentOf(w.getValue()).overall(), kinds);
            }
            gen.writeEndObject();
            gen.writeFieldName("overall");
            writeSummary(gen, c.baseline().overall(), c.treatment().overall(), kinds);
            gen.writeEndObject();
            gen.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeExperiments(JsonGenerator gen, ReportComparison c, List<MetricKind> kinds)
            throws IOException {
        gen.writeArrayFieldStart("experiments");
        for (ExperimentReport b : c.baseline().experiments()) {
            ExperimentReport t = c.treatmentOf(b);
            gen.writeStartObject();
            gen.writeStringField("name", b.name());
            gen.writeStringField("workload", b.workload());
            gen.writeObjectFieldStart("metrics");
            for (MetricKind k : kinds) {
                gen.writeObjectFieldStart(k.key());
                ReportJsonWriter.number(gen, "baseline_error_pct", b.errorPct(k));
                ReportJsonWriter.number(gen, "treatment_error_pct", t.errorPct(k));
                ReportJsonWriter.number(gen, "delta_pp", ReportComparison.deltaPp(b.errorPct(k), t.errorPct(k)));
                gen.writeEndObject();
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void writeSummary(JsonGenerator gen, Map<MetricKind, OverallError> b,
                                     Map<MetricKind, OverallError> t, List<MetricKind> kinds) throws IOException {
        gen.writeStartObject();
        for (MetricKind k : kinds) {
            double bMean = ComparisonTables.abs(b.get(k), true);
            double tMean = ComparisonTables.abs(t.get(k), true);
            double bMedian = ComparisonTables.abs(b.get(k), false);
            double tMedian = ComparisonTables.abs(t.get(k), false);
            gen.writeObjectFieldStart(k.key());
            ReportJsonWriter.number(gen, "baseline_mean_abs_error_pct", bMean);
            ReportJsonWriter.number(gen, "treatment_mean_abs_error_pct", tMean);
            ReportJsonWriter.number(gen, "delta_pp", ReportComparison.deltaPp(bMean, tMean));
            ReportJsonWriter.number(gen, "baseline_median_abs_error_pct", bMedian);
            ReportJsonWriter.number(gen, "treatment_median_abs_error_pct", tMedian);
            ReportJsonWriter.number(gen, "median_delta_pp", ReportComparison.deltaPp(bMedian, tMedian));
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }
}
