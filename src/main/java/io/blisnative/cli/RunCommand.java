package io.blisnative.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.blisnative.metrics.BlisMetrics;
import io.blisnative.sim.SimResult;
import io.blisnative.workload.ChainedArrivals;
import io.blisnative.workload.DistributionParams;
import io.blisnative.workload.DistributionWorkload;
import io.blisnative.workload.GeneratedWorkload;
import io.blisnative.workload.InferencePerfWorkload;
import io.blisnative.workload.PrefetchingIterator;
import io.blisnative.workload.WorkloadSpecFile;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: a synthetic what-if workload, no ground truth; prints predicted latencies. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a synthetic workload (BLIS's distribution workload) and print predicted latencies.",
            "Without --latency-model (and without coefficient flags) the catalog's default fit runs (kernel-roofline,"
                    + " config/defaults.yaml); name --latency-model trained-physics or roofline for BLIS's models.",
            "", "Example:",
            "  blis-native run --model meta-llama/llama-3.1-8b-instruct --hardware H100 --tp 1 \\",
            "      --rate 10 --num-requests 300 --prompt-tokens 512 --output-tokens 256 --format json"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimOptions sim = new SimOptions();

    @Option(names = "--seed", description = "Seed of the workload generator (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--rate", description = "Arrival rate in requests per second (default ${DEFAULT-VALUE}).", defaultValue = "1.0")
    double rate;

    @Option(names = "--num-requests", description = "Number of requests (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int numRequests;

    @Option(names = "--prefix-tokens", description = "Shared prefix length in tokens (default ${DEFAULT-VALUE}).", defaultValue = "0")
    int prefixTokens;

    @Option(names = "--prompt-tokens", defaultValue = "512", description = "Mean prompt length (default ${DEFAULT-VALUE}).")
    int promptMean;

    @Option(names = "--prompt-tokens-stdev", defaultValue = "256", description = "Prompt length std dev (default ${DEFAULT-VALUE}).")
    int promptStdev;

    @Option(names = "--prompt-tokens-min", defaultValue = "2", description = "Min prompt length (default ${DEFAULT-VALUE}).")
    int promptMin;

    @Option(names = "--prompt-tokens-max", defaultValue = "7000", description = "Max prompt length (default ${DEFAULT-VALUE}).")
    int promptMax;

    @Option(names = "--output-tokens", defaultValue = "512", description = "Mean output length (default ${DEFAULT-VALUE}).")
    int outputMean;

    @Option(names = "--output-tokens-stdev", defaultValue = "256", description = "Output length std dev (default ${DEFAULT-VALUE}).")
    int outputStdev;

    @Option(names = "--output-tokens-min", defaultValue = "2", description = "Min output length (default ${DEFAULT-VALUE}).")
    int outputMin;

    @Option(names = "--output-tokens-max", defaultValue = "7000", description = "Max output length (default ${DEFAULT-VALUE}).")
    int outputMax;

    @Option(names = "--timeout", defaultValue = "300",
            description = "Client timeout per request in seconds; negative disables (default ${DEFAULT-VALUE}).")
    double timeoutS;

    @Option(names = "--format", defaultValue = "table", description = "Output: table or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--workload-spec", paramLabel = "FILE",
            description = "BLIS workload spec YAML with an inference_perf section (shared-prefix groups, multi-turn"
                    + " sessions, stages) instead of the distribution flags.")
    java.nio.file.Path workloadSpec;

    @Option(names = "--trace-output", paramLabel = "FILE",
            description = "Also write the generated workload as a canonical trace (replayable with 'replay').")
    java.nio.file.Path traceOutput;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
        }
        if (timeoutS == 0) {
            throw new IllegalArgumentException("--timeout must not be 0 (use a negative value to disable)");
        }
        long timeoutUs = timeoutS < 0 ? 0 : (long) (timeoutS * 1e6);
        DistributionParams params = new DistributionParams(seed, rate, numRequests, prefixTokens,
                promptMean, promptStdev, promptMin, promptMax, outputMean, outputStdev, outputMin, outputMax, timeoutUs);
        Server server = ServerSetup.resolve(sim, ServerDefaults.NONE, err,
                CatalogCache.forCommand().get(sim.configDir));
        err.println("blis-native: " + server.description());
        err.flush();
        long started = System.nanoTime();
        SimResult result;
        if (workloadSpec != null) {
            if (traceOutput != null) {
                throw new IllegalArgumentException("--trace-output is not supported with --workload-spec (follow-up"
                        + " rounds depend on the simulation)");
            }
            WorkloadSpecFile file = WorkloadSpecFile.read(workloadSpec, seed);
            GeneratedWorkload w = new InferencePerfWorkload(file.spec(), file.seed(), Long.MAX_VALUE,
                    file.numRequests()).generate();
            result = server.newSimulator(w.sessions()).run(w.arrivals());
        } else if (traceOutput == null) {
            // Generated (and their block chains hashed) on another thread, in order: same arrivals,
            // overlapped with the simulation.
            result = server.newSimulator().run(new PrefetchingIterator<>(
                    new ChainedArrivals(new DistributionWorkload(params).iterator(), server.blockSize()),
                    "blis-native-workload"));
        } else {
            try (WorkloadTrace trace = new WorkloadTrace(traceOutput, server, seed, rate, prefixTokens)) {
                result = server.newSimulator().run(trace.tee(new DistributionWorkload(params).iterator()));
                trace.commit();
            }
        }
        RunTiming.report(err, result, System.nanoTime() - started);
        BlisMetrics metrics = BlisMetrics.of(result);
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(metrics.asBlisJson()));
        } else {
            printTable(out, metrics);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, BlisMetrics m) {
        out.printf(Locale.ROOT, "%-8s %12s %12s %12s %12s%n", "metric", "mean ms", "p90 ms", "p95 ms", "p99 ms");
        out.printf(Locale.ROOT, "%-8s %12.3f %12.3f %12.3f %12.3f%n", "E2E", m.e2eMeanMs(), m.e2eP90Ms(), m.e2eP95Ms(), m.e2eP99Ms());
        out.printf(Locale.ROOT, "%-8s %12.3f %12.3f %12.3f %12.3f%n", "TTFT", m.ttftMeanMs(), m.ttftP90Ms(), m.ttftP95Ms(), m.ttftP99Ms());
        out.printf(Locale.ROOT, "%-8s %12.3f %12.3f %12.3f %12.3f%n", "ITL", m.itlMeanMs(), m.itlP90Ms(), m.itlP95Ms(), m.itlP99Ms());
        out.printf(Locale.ROOT, "%ncompleted %d of %d injected, timed out %d, dropped %d, preemptions %d%n",
                m.completedRequests(), m.injectedRequests(), m.timedOutRequests(), m.droppedUnservable(), m.preemptionCount());
        out.printf(Locale.ROOT, "input tokens %d, output tokens %d, duration %.3f s, %.2f req/s, %.1f output tok/s%n",
                m.totalInputTokens(), m.totalOutputTokens(), m.vllmEstimatedDurationS(), m.responsesPerSec(), m.tokensPerSec());
    }
}
