package io.blisnative.calibrate;

import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Runs one commons-math3 optimizer over the unit cube within an evaluation budget. The objective
 * remembers the best point itself, so running out of budget is a normal end, not an error. One
 * dimension always uses Brent's method (BOBYQA needs two), and a budget too small for BOBYQA's
 * 2n + 1 interpolation points falls back to Nelder-Mead.
 */
final class OptimizerRun {
    private static final long CMAES_SEED = 42;

    private OptimizerRun() {
    }

    /**
     * Minimises {@code f} from {@code start}, spending at most {@code budget} evaluations (the start
     * itself is evaluated first).
     *
     * @param step initial step (trust-region radius, CMA-ES sigma, simplex edge) in unit-cube units
     */
    static void minimize(OptimizerKind kind, Calibrator.Objective f, int dimension, double[] start, int budget,
            double step) {
        f.value(start);
        int rest = budget - 1;
        if (rest <= 0) {
            return;
        }
        try {
            if (dimension == 1) {
                brent(f, start[0], rest);
            } else {
                switch (kind) {
                    case BOBYQA -> bobyqa(f, dimension, start, rest, step);
                    case CMAES -> cmaes(f, dimension, start, rest, step);
                    case NELDER_MEAD -> nelderMead(f, dimension, start, rest, step);
                    default -> throw new IllegalStateException("unknown optimizer " + kind);
                }
            }
        } catch (TooManyEvaluationsException e) {
            // The budget is spent; the objective holds the best point found.
        }
    }

    private static double[] lower(int n) {
        return new double[n];
    }

    private static double[] upper(int n) {
        double[] u = new double[n];
        Arrays.fill(u, 1);
        return u;
    }

    private static void bobyqa(Calibrator.Objective f, int n, double[] start, int budget, double step) {
        if (budget < 2 * n + 2) {
            nelderMead(f, n, start, budget, step);
            return;
        }
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * n + 1, step, 1e-4);
        opt.optimize(new MaxEval(budget), new ObjectiveFunction(f::value), GoalType.MINIMIZE,
                new InitialGuess(start), new SimpleBounds(lower(n), upper(n)));
    }

    private static void cmaes(Calibrator.Objective f, int n, double[] start, int budget, double step) {
        int population = 4 + (int) Math.floor(3 * Math.log(n));
        double[] sigma = new double[n];
        Arrays.fill(sigma, step);
        CMAESOptimizer opt = new CMAESOptimizer(Math.max(1, budget / population), 0, true, 0, 0,
                new MersenneTwister(CMAES_SEED), false, null);
        opt.optimize(new MaxEval(budget), new MaxIter(Math.max(1, budget / population)),
                new ObjectiveFunction(f::value), GoalType.MINIMIZE, new InitialGuess(start),
                new SimpleBounds(lower(n), upper(n)), new CMAESOptimizer.Sigma(sigma),
                new CMAESOptimizer.PopulationSize(population));
    }

    private static void nelderMead(Calibrator.Objective f, int n, double[] start, int budget, double step) {
        SimplexOptimizer opt = new SimplexOptimizer(1e-5, 1e-7);
        opt.optimize(new MaxEval(budget), new ObjectiveFunction(f::value), GoalType.MINIMIZE,
                new InitialGuess(start), new NelderMeadSimplex(n, step));
    }

    private static void brent(Calibrator.Objective f, double start, int budget) {
        BrentOptimizer opt = new BrentOptimizer(1e-4, 1e-6);
        double s = Math.min(1, Math.max(0, start));
        opt.optimize(new MaxEval(budget), new UnivariateObjectiveFunction(x -> f.value(new double[] {x})),
                GoalType.MINIMIZE, new SearchInterval(0, 1, s));
    }
}
