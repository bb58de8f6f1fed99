package io.blisnative.calibrate;

import io.blisnative.metrics.ExperimentReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fits coefficients by simulating every training experiment for each candidate point and
 * minimising {@link CalibrationLoss#total} with a bounded derivative-free optimizer.
 *
 * <p>Experiments of one evaluation run in parallel on {@code threads} threads. With a subsample
 * fraction below 1 the first {@code subsampleShare} of the evaluation budget is spent on
 * experiments cut to the first part of each load stage (cheap, slightly biased), and the rest
 * refines the best point on the full experiments with a smaller initial step. The reported loss
 * and reports are always those of the full experiments.
 *
 * <p>Close it to stop its threads.
 */
public final class Calibrator implements AutoCloseable {
    private final CalibrationLoss loss;
    private final OptimizerKind optimizer;
    private final int maxEvaluations;
    private final double subsample;
    private final double subsampleShare;
    private final ExecutorService pool;
    private final Consumer<String> progress;

    /**
     * @param loss           what to minimise
     * @param optimizer      the search method
     * @param maxEvaluations loss evaluations per fit, ≥ 1 (below 2·dimension + 3, BOBYQA falls back to
     *                       Nelder-Mead)
     * @param subsample      fraction of each load stage simulated in the first phase, in (0, 1]; 1 = none
     * @param subsampleShare share of the budget spent in the first phase when subsampling, in [0, 1)
     * @param threads        experiments simulated at once, ≥ 1
     * @param progress       receives one line per evaluation (may ignore them)
     */
    public Calibrator(CalibrationLoss loss, OptimizerKind optimizer, int maxEvaluations, double subsample,
            double subsampleShare, int threads, Consumer<String> progress) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
        if (!(subsampleShare >= 0 && subsampleShare < 1)) {
            throw new IllegalArgumentException("subsampleShare must be in [0, 1), got " + subsampleShare);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.loss = loss;
        this.optimizer = optimizer;
        this.maxEvaluations = maxEvaluations;
        this.subsample = subsample;
        this.subsampleShare = subsampleShare;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "calibrate");
            t.setDaemon(true);
            return t;
        });
        this.progress = progress;
    }

    /**
     * Fits the space's free coefficients to {@code train}.
     *
     * @throws IllegalArgumentException when {@code train} is empty
     */
    public FitResult fit(List<CalibrationTarget> train, ParameterSpace space) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training experiments");
        }
        int spent = 0;
        ParameterSpace from = space;
        double step = 0.15;
        if (subsample < 1 && subsampleShare > 0) {
            int budget = Math.max(1, (int) Math.round(maxEvaluations * subsampleShare));
            List<CalibrationTarget> cheap = train.stream().map(t -> t.subsample(subsample)).toList();
            Objective coarse = new Objective(cheap, from, "subsample " + subsample);
            OptimizerRun.minimize(optimizer, coarse, from.dimension(), from.start(), budget, step);
            spent += coarse.evaluations();
            from = from.startingAt(coarse.bestPoint());
            step = 0.05;
        }
        Objective fine = new Objective(train, from, "full");
        int rest = Math.max(1, maxEvaluations - spent);
        OptimizerRun.minimize(optimizer, fine, from.dimension(), from.start(), rest, step);
        spent += fine.evaluations();
        double[] best = fine.bestPoint();
        return new FitResult(from.alpha(best), from.beta(best), fine.bestLoss(), spent, fine.bestReports());
    }

    /** Simulates {@code targets} with the given coefficients, in parallel, reports in input order. */
    public List<ExperimentReport> evaluate(List<CalibrationTarget> targets, double[] alpha, double[] beta) {
        List<Callable<ExperimentReport>> jobs = new ArrayList<>();
        for (CalibrationTarget t : targets) {
            jobs.add(() -> t.simulate(alpha, beta));
        }
        List<ExperimentReport> out = new ArrayList<>();
        try {
            for (Future<ExperimentReport> f : pool.invokeAll(jobs)) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("calibration interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("simulation failed: " + cause, cause);
        }
        return out;
    }

    /**
     * Leave-one-experiment-out: for each experiment, fits on all the others from the space's start
     * and tests on the one left out.
     *
     * @throws IllegalArgumentException with fewer than two experiments
     */
    public List<HoldoutFold> leaveOneOut(List<CalibrationTarget> all, ParameterSpace space) {
        return leaveGroupOut(all, space, CalibrationTarget::name);
    }

    /**
     * Leave-one-group-out: for each group (in order of first appearance), fits on the experiments
     * of the other groups from the space's start and tests every experiment of the group. Grouping
     * by model tests generalisation to a model the fit has never seen.
     *
     * @throws IllegalArgumentException with fewer than two groups
     */
    public List<HoldoutFold> leaveGroupOut(List<CalibrationTarget> all, ParameterSpace space,
            Function<CalibrationTarget, String> groupOf) {
        Map<String, List<CalibrationTarget>> groups = new LinkedHashMap<>();
        for (CalibrationTarget t : all) {
            groups.computeIfAbsent(groupOf.apply(t), k -> new ArrayList<>()).add(t);
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("holding out needs at least two groups, got " + groups.size());
        }
        List<HoldoutFold> folds = new ArrayList<>();
        int fold = 0;
        for (Map.Entry<String, List<CalibrationTarget>> g : groups.entrySet()) {
            List<CalibrationTarget> train = new ArrayList<>(all);
            train.removeAll(g.getValue());
            progress.accept("fold " + (++fold) + "/" + groups.size() + ": holding out " + g.getKey());
            FitResult fit = fit(train, space);
            List<ExperimentReport> tests = evaluate(g.getValue(), fit.alpha(), fit.beta());
            for (ExperimentReport test : tests) {
                folds.add(new HoldoutFold(test.name(), g.getKey(), fit, test, loss.experiment(test)));
            }
        }
        return folds;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The loss as a function of a unit-cube point, remembering the best point seen. */
    final class Objective {
        private final List<CalibrationTarget> targets;
        private final ParameterSpace space;
        private final String label;
        private int evaluations;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private double[] bestPoint;
        private List<ExperimentReport> bestReports = List.of();

        Objective(List<CalibrationTarget> targets, ParameterSpace space, String label) {
            this.targets = targets;
            this.space = space;
            this.label = label;
            this.bestPoint = space.start();
        }

        /** The loss at {@code x}; points outside the unit cube pay a quadratic penalty on top of the clamped loss. */
        double value(double[] x) {
            evaluations++;
            double outside = 0;
            for (double v : x) {
                double d = v < 0 ? -v : v > 1 ? v - 1 : 0;
                outside += d * d;
            }
            List<ExperimentReport> reports = evaluate(targets, space.alpha(x), space.beta(x));
            double value = loss.total(reports);
            if (value < bestLoss) {
                bestLoss = value;
                bestPoint = clamp(x);
                bestReports = reports;
            }
            progress.accept(String.format(Locale.ROOT, "eval %d (%s): loss %.5f, best %.5f", evaluations, label,
                    value, bestLoss));
            return value + 100 * outside;
        }

        int evaluations() {
            return evaluations;
        }

        double bestLoss() {
            return bestLoss;
        }

        double[] bestPoint() {
            return bestPoint.clone();
        }

        List<ExperimentReport> bestReports() {
            return bestReports;
        }

        private static double[] clamp(double[] x) {
            double[] c = x.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.min(1, Math.max(0, c[i]));
            }
            return c;
        }
    }
}
