package io.blisnative.cli;

import io.blisnative.metrics.ErrorBudget;
import io.blisnative.metrics.Format;
import io.blisnative.metrics.ReportPrinter;
import io.blisnative.metrics.ReportSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report}: work on saved replay reports. */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = ReportCommand.Merge.class,
        description = "Work on JSON reports written by 'replay --format json'.")
public final class ReportCommand {

    /** {@code report merge}: the shards of a sweep into one set of tables. */
    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Merges the JSON reports of many replays (e.g. one per trace of a sharded sweep) into one"
                    + " report with per-experiment, per-workload and overall tables.",
            footer = {"", "Example:",
                "  ls traces/*.jsonl | parallel 'bin/blis-native replay {} --format json -o shard-{#}.json'",
                "  blis-native report merge shard-*.json --format markdown"})
    public static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "JSON", description = "report files from replay --format json")
        List<Path> reports;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table, markdown, csv or json (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the merged report here")
        String output;

        @Option(names = "--max-error", paramLabel = "BUDGET", description = "error budget, e.g. e2e=10,ttft=15,tpot=15")
        String maxError;

        @Override
        public Integer call() {
            ReportSet merged;
            try {
                merged = ReportSet.merge(reports);
            } catch (IOException e) {
                throw new BadInputException("cannot read a report: " + e.getMessage(), e);
            }
            StringWriter text = new StringWriter();
            try (PrintWriter out = new PrintWriter(text)) {
                new ReportPrinter(Format.fromName(format)).print(merged, out);
            }
            ReportOutput.write(text.toString(), output, spec.commandLine().getOut());
            if (maxError != null) {
                List<String> violations = ErrorBudget.parse(maxError).violations(merged);
                violations.forEach(v -> spec.commandLine().getErr().println("blis-native: error budget exceeded: " + v));
                return violations.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }
    }
}
