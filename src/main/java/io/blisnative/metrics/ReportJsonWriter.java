package io.blisnative.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a {@link ReportSet} as the stable JSON report documented in {@code docs/report-format.md}
 * and {@code docs/report.schema.json}: snake_case keys in a fixed order, latencies in ms, errors in
 * %, full double precision (so {@link ReportJsonReader} reads back exactly what was written), and
 * {@code null} for an undefined figure. Output ends with a newline; the writer is not closed.
 */
public final class ReportJsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ReportJsonWriter() {
    }

    /** The report as a JSON string. */
    public static String toJson(ReportSet report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the report to {@code out}. */
    public static void write(ReportSet report, Writer out) throws IOException {
        try (JsonGenerator gen = open(out)) {
            writeReport(gen, report);
        }
        out.write('\n');
        out.flush();
    }

    static JsonGenerator open(Writer out) throws IOException {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(separators);
        pretty.indentObjectsWith(indenter);
        pretty.indentArraysWith(indenter);
        JsonGenerator gen = FACTORY.createGenerator(out);
        gen.setPrettyPrinter(pretty);
        return gen;
    }

    static void writeReport(JsonGenerator gen, ReportSet report) throws IOException {
        gen.writeStartObject();
        gen.writeArrayFieldStart("experiments");
        for (ExperimentReport e : report.experiments()) {
            writeExperiment(gen, e);
        }
        gen.writeEndArray();
        gen.writeFieldName("overall");
        writeOverall(gen, report.overall());
        gen.writeObjectFieldStart("workloads");
        for (Map.Entry<String, ReportSet> w : report.byWorkload().entrySet()) {
            gen.writeFieldName(w.getKey());
            writeOverall(gen, w.getValue().overall());
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeExperiment(JsonGenerator gen, ExperimentReport e) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", e.name());
        gen.writeStringField("workload", e.workload());
        gen.writeStringField("trace", e.trace());
        writeCounts(gen, e.counts());
        writeMetrics(gen, e.metrics());
        gen.writeArrayFieldStart("stages");
        for (StageReport s : e.stages()) {
            gen.writeStartObject();
            gen.writeNumberField("index", s.index());
            gen.writeNumberField("rate", s.rateRps());
            writeCounts(gen, s.counts());
            writeMetrics(gen, s.metrics());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        if (e.hasRequestLevel()) {
            writeRequestLevel(gen, e.metrics());
        }
        gen.writeArrayFieldStart("notes");
        for (String note : e.notes()) {
            gen.writeString(note);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeCounts(JsonGenerator gen, RequestCounts c) throws IOException {
        gen.writeObjectFieldStart("counts");
        gen.writeNumberField("requests", c.requests());
        gen.writeNumberField("completed", c.completed());
        gen.writeNumberField("timed_out", c.timedOut());
        gen.writeNumberField("dropped", c.dropped());
        gen.writeNumberField("preempted", c.preempted());
        gen.writeEndObject();
    }

    private static void writeMetrics(JsonGenerator gen, Map<MetricKind, MetricError> metrics) throws IOException {
        gen.writeObjectFieldStart("metrics");
        for (Map.Entry<MetricKind, MetricError> m : metrics.entrySet()) {
            gen.writeObjectFieldStart(m.getKey().key());
            writeMetric(gen, m.getValue());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void writeMetric(JsonGenerator gen, MetricError m) throws IOException {
        LatencySummary meas = m.measured();
        LatencySummary sim = m.simulated();
        number(gen, "measured_mean_ms", m.measuredMeanMs());
        number(gen, "simulated_mean_ms", sim.meanMs());
        number(gen, "error_pct", m.errorPct());
        for (int p : List.of(50, 90, 99)) {
            number(gen, "measured_p" + p + "_ms", meas.percentileMs(p));
            number(gen, "simulated_p" + p + "_ms", sim.percentileMs(p));
            number(gen, "p" + p + "_error_pct", m.percentileErrorPct(p));
        }
        number(gen, "abs_error_ms", m.absErrorMs());
        gen.writeNumberField("measured_count", meas.count());
        gen.writeNumberField("simulated_count", sim.count());
    }

    private static void writeRequestLevel(JsonGenerator gen, Map<MetricKind, MetricError> metrics) throws IOException {
        requestField(gen, "request_mape_pct", metrics, RequestAgreement::mapePct);
        requestField(gen, "request_pearson_r", metrics, RequestAgreement::pearsonR);
        requestField(gen, "request_pairs", metrics, RequestAgreement::pairs);
    }

    private static void requestField(JsonGenerator gen, String field, Map<MetricKind, MetricError> metrics,
                                     Function<RequestAgreement, Number> value) throws IOException {
        gen.writeObjectFieldStart(field);
        for (Map.Entry<MetricKind, MetricError> m : metrics.entrySet()) {
            RequestAgreement a = m.getValue().requestLevel();
            if (a == null) {
                continue;
            }
            Number v = value.apply(a);
            if (v instanceof Long) {
                gen.writeNumberField(m.getKey().key(), v.longValue());
            } else {
                number(gen, m.getKey().key(), v.doubleValue());
            }
        }
        gen.writeEndObject();
    }

    static void writeOverall(JsonGenerator gen, Map<MetricKind, OverallError> overall) throws IOException {
        gen.writeStartObject();
        for (Map.Entry<MetricKind, OverallError> o : overall.entrySet()) {
            gen.writeObjectFieldStart(o.getKey().key());
            number(gen, "mean_abs_error_pct", o.getValue().meanAbsErrorPct());
            number(gen, "median_abs_error_pct", o.getValue().medianAbsErrorPct());
            number(gen, "mean_signed_error_pct", o.getValue().meanSignedErrorPct());
            gen.writeNumberField("experiments", o.getValue().experiments());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    static void number(JsonGenerator gen, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            gen.writeNumberField(field, value);
        } else {
            gen.writeNullField(field);
        }
    }
}
