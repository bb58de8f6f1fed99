package io.blisnative.cli;

import io.blisnative.calibrate.CalibrationLoss;
import io.blisnative.calibrate.CalibrationTarget;
import io.blisnative.calibrate.Calibrator;
import io.blisnative.calibrate.CoefficientsYaml;
import io.blisnative.calibrate.DefaultFits;
import io.blisnative.calibrate.FitParameter;
import io.blisnative.calibrate.FitResult;
import io.blisnative.calibrate.HoldoutFold;
import io.blisnative.calibrate.OptimizerKind;
import io.blisnative.calibrate.ParameterSpace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calibrate}: fit latency-model coefficients to measured traces with the simulator in the loop. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits latency-model coefficients to measured traces: every candidate is simulated on every"
                + " training trace (as 'replay' would, traces parsed once and run in parallel) and the robust loss"
                + " over their E2E, TTFT and TPOT mean errors is minimised (docs/accuracy.md). Writes a coefficients"
                + " YAML for --coefficients FILE or config/coefficients/, with provenance and, with --holdout"
                + " leave-one-out / leave-one-model-out, each experiment's error when it (or its model) was left out"
                + " of the fit.",
            "The start point is the model's resolved coefficients (flags, --coefficients FILE or the catalog)."},
        footer = {"", "Examples:",
            "  blis-native calibrate traces/llama70b.jsonl traces/mixtral-8x7b-tp2-general.jsonl --output fit.yaml",
            "  blis-native calibrate traces/*-general.jsonl --latency-model kernel-roofline --fit beta6=0:150,alpha0=0:40000"
                    + " --optimizer cmaes --max-evaluations 200 --holdout leave-one-out --output fit.yaml",
            "", "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class CalibrateCommand implements Callable<Integer> {
    private static final String LEAVE_ONE_OUT = "leave-one-out";
    private static final String LEAVE_ONE_MODEL_OUT = "leave-one-model-out";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRACE",
            description = "measured traces to fit: canonical, or any source convert reads")
    List<String> traces;

    @Mixin
    SimOptions sim = new SimOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "coefficients YAML to write (whole or not at all; - = stdout)")
    String output;

    @Option(names = "--fit", split = ",", paramLabel = "NAME=LO:HI",
            description = "coefficients to fit with bounds, e.g. beta6=0:150,alpha0=0:40000 (default: the model's"
                    + " standard set, see docs/accuracy.md)")
    List<String> fit;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "bobyqa",
            description = "bobyqa, cmaes or nelder-mead (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "150",
            description = "loss evaluations per fit, each simulating every training trace (default: ${DEFAULT-VALUE})")
    int maxEvaluations;

    @Option(names = "--subsample", paramLabel = "F", defaultValue = "1",
            description = "simulate only the first F of every load stage during the first --subsample-share of the"
                    + " budget, then refine on the full traces (default: ${DEFAULT-VALUE} = off)")
    double subsample;

    @Option(names = "--subsample-share", paramLabel = "S", defaultValue = "0.6",
            description = "share of the budget spent on the subsample (default: ${DEFAULT-VALUE})")
    double subsampleShare;

    @Option(names = "--threads", paramLabel = "N", description = "traces simulated at once (default: the CPU count)")
    Integer threads;

    @Option(names = "--holdout", paramLabel = "MODE", split = ",", defaultValue = "none",
            description = "none, leave-one-out (refit without each experiment and test on it) and/or"
                    + " leave-one-model-out (refit without every experiment of a model), comma-separated"
                    + " (default: ${DEFAULT-VALUE})")
    List<String> holdout;

    @Option(names = "--tolerances", paramLabel = "E2E,TTFT,TPOT", split = ",", defaultValue = "5,10,5",
            description = "per-metric tolerances of the loss, in %% (default: ${DEFAULT-VALUE})")
    double[] tolerances;

    @Option(names = "--quiet", description = "do not print a line per loss evaluation")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<String> holdouts = parseHoldouts(holdout);
        OptimizerKind kind = OptimizerKind.fromKey(optimizer);
        CalibrationLoss loss = loss(tolerances);
        List<TraceTarget> loaded = new ArrayList<>();
        CatalogCache catalogs = CatalogCache.forCommand();
        for (String trace : new LinkedHashSet<>(traces)) {
            TraceTarget t = TraceTarget.load(trace, sim, System.in, err, catalogs);
            err.println("blis-native: " + t.name() + ": " + t.description());
            loaded.add(t);
        }
        err.flush();
        String model = loaded.get(0).latencyName();
        ParameterSpace space = space(model, loaded.get(0));
        List<CalibrationTarget> targets = List.copyOf(loaded);
        int pool = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Calibrator calibrator = new Calibrator(loss, kind, maxEvaluations, subsample, subsampleShare, pool,
                line -> {
                    if (!quiet) {
                        err.println("blis-native: " + line);
                        err.flush();
                    }
                })) {
            Map<String, List<HoldoutFold>> folds = new LinkedHashMap<>();
            if (holdouts.contains(LEAVE_ONE_OUT)) {
                folds.put("leave_one_out", calibrator.leaveOneOut(targets, space));
            }
            if (holdouts.contains(LEAVE_ONE_MODEL_OUT)) {
                folds.put("leave_one_model_out", calibrator.leaveGroupOut(targets, space,
                        t -> ((TraceTarget) t).modelName()));
            }
            FitResult result = calibrator.fit(targets, space);
            CoefficientsYaml.Provenance provenance = new CoefficientsYaml.Provenance(model, header(model), kind,
                    loaded.get(0).asyncScheduling(), space, loss);
            ReportOutput.write(CoefficientsYaml.write(provenance, result, folds), output, out);
            CalibrationSummary.print(err, result, folds);
        }
        return ExitCodes.OK;
    }

    /** The fitted parameters (--fit or the model's default set) from the resolved coefficients, clamped into bounds. */
    private ParameterSpace space(String model, TraceTarget first) {
        List<FitParameter> chosen;
        if (fit != null && !fit.isEmpty()) {
            chosen = fit.stream().map(FitParameter::parse).toList();
        } else {
            chosen = DefaultFits.of(model).orElseThrow(() -> new IllegalArgumentException(
                    "latency model " + model + " has no default parameter set: name them with --fit"));
        }
        double[] alpha = first.alpha();
        double[] beta = first.beta();
        for (FitParameter p : chosen) {
            double[] values = p.alpha() ? alpha : beta;
            if (p.index() >= values.length) {
                throw new IllegalArgumentException(p.name() + ": the " + model + " coefficients have only "
                        + values.length + (p.alpha() ? " alphas" : " betas"));
            }
            values[p.index()] = Math.min(p.upper(), Math.max(p.lower(), values[p.index()]));
        }
        return new ParameterSpace(alpha, beta, chosen);
    }

    private static List<String> header(String model) {
        return List.of(model + " coefficients fitted by blis-native calibrate; layout in docs/latency-models.md.",
                "Use with --coefficients FILE, or place in config/coefficients/ (defaults.yaml latency.coefficients"
                        + " names the default fit).");
    }

    private static List<String> parseHoldouts(List<String> modes) {
        List<String> out = new ArrayList<>();
        for (String m : modes) {
            String mode = m.trim().toLowerCase(Locale.ROOT);
            switch (mode) {
                case "none" -> { }
                case "leave-one-out", "loo" -> out.add(LEAVE_ONE_OUT);
                case "leave-one-model-out" -> out.add(LEAVE_ONE_MODEL_OUT);
                default -> throw new IllegalArgumentException("--holdout must be none, leave-one-out or"
                        + " leave-one-model-out, got '" + m + "'");
            }
        }
        return out;
    }

    private static CalibrationLoss loss(double[] tol) {
        if (tol.length != 3) {
            throw new IllegalArgumentException("--tolerances needs three percentages (E2E,TTFT,TPOT), got "
                    + tol.length);
        }
        return new CalibrationLoss(tol[0] / 100, tol[1] / 100, tol[2] / 100);
    }
}
