package io.blisnative.cli;

import io.blisnative.metrics.ErrorBudget;
import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.Format;
import io.blisnative.metrics.ReportPrinter;
import io.blisnative.metrics.ReportSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay}: simulate measured traces and print how far the simulation is from the measurements. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates each trace with the server settings of its header (flags override them) and prints"
                + " E2E, TTFT and TPOT error tables: per trace, and for several traces per experiment, per workload"
                + " and overall.",
            "Without --latency-model (and without coefficient flags) the catalog's default fit runs: kernel-roofline"
                + " fitted to measured H100 vLLM runs (config/defaults.yaml, docs/accuracy.md). Name"
                + " --latency-model trained-physics or roofline for BLIS's models and numbers."},
        footer = {"", "Examples:",
            "  blis-native replay traces/llama70b.jsonl",
            "  blis-native replay traces/*.jsonl --format markdown --latency-model roofline",
            "  blis-native replay traces/*.jsonl --format json --output report.json --max-error e2e=10,ttft=20,tpot=10",
            "", "Exit codes: 0 ok, 1 an error budget (--max-error) was exceeded, 2 usage error, 3 bad input."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "canonical trace files (- reads stdin),"
            + " or what convert reads (an inference-perf experiment folder, a BLIS TraceV2 .yaml/.csv,"
            + " a vLLM result .json), converted with its defaults")
    List<String> traces;

    @Mixin
    SimOptions sim = new SimOptions();

    @Option(names = "--seed", paramLabel = "N", description = "seed of the token ids generated for the trace (default: the header's)")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, markdown, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here (whole or not at all)")
    String output;

    @Option(names = "--max-error", paramLabel = "BUDGET",
            description = "error budget, e.g. e2e=10,ttft=15,tpot=15 (absolute %%); exceeded -> exit 1")
    String maxError;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Format fmt = Format.fromName(format);
        ErrorBudget budget = maxError == null ? null : ErrorBudget.parse(maxError);
        Set<String> unique = new LinkedHashSet<>(traces);
        List<ExperimentReport> reports = new ArrayList<>();
        CatalogCache catalogs = CatalogCache.forCommand();
        for (String trace : unique) {
            reports.add(TraceReplay.replay(trace, sim, seed, System.in, err, catalogs));
        }
        ReportSet set = new ReportSet(reports);
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            new ReportPrinter(fmt).print(set, out);
        }
        ReportOutput.write(text.toString(), output, spec.commandLine().getOut());
        if (budget != null) {
            List<String> violations = budget.violations(set);
            for (String v : violations) {
                err.println("blis-native: error budget exceeded: " + v);
            }
            err.flush();
            return violations.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
