package io.blisnative.cli;

import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.Format;
import io.blisnative.metrics.ReportComparison;
import io.blisnative.metrics.ReportPrinter;
import io.blisnative.metrics.ReportSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare}: two simulator configurations on the same traces, errors side by side with Δpp. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays the same traces under a baseline and a treatment configuration and prints both error"
                + " tables with the change in absolute error (Δpp = |treatment| - |baseline|) per experiment,"
                + " per workload and overall. A configuration is a quoted list of replay flags or a YAML file"
                + " of flag: value."},
        footer = {"", "Example (the refuted fixed-overhead study):",
            "  blis-native compare --baseline '--latency-model roofline-v2' \\",
            "      --treatment '--latency-model roofline-v2 --coefficients config/coefficients/roofline-v2-seed-overheads.yaml' \\",
            "      traces/*.jsonl"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "CFG", description = "baseline flags or YAML file")
    String baseline;

    @Option(names = "--treatment", required = true, paramLabel = "CFG", description = "treatment flags or YAML file")
    String treatment;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "canonical trace files")
    List<String> traces;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, markdown, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here (whole or not at all)")
    String output;

    @Option(names = "--verbose", description = "Print stack traces for errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Format fmt = Format.fromName(format);
        SimOptions base = ConfigSpec.parse(baseline, "baseline");
        SimOptions treat = ConfigSpec.parse(treatment, "treatment");
        List<ExperimentReport> baseReports = new ArrayList<>();
        List<ExperimentReport> treatReports = new ArrayList<>();
        CatalogCache catalogs = CatalogCache.forCommand();
        for (String trace : new LinkedHashSet<>(traces)) {
            baseReports.add(TraceReplay.replay(trace, base, null, System.in, err, catalogs));
            treatReports.add(TraceReplay.replay(trace, treat, null, System.in, err, catalogs));
        }
        ReportComparison comparison = new ReportComparison(new ReportSet(baseReports), new ReportSet(treatReports));
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            new ReportPrinter(fmt).print(comparison, out);
        }
        ReportOutput.write(text.toString(), output, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
