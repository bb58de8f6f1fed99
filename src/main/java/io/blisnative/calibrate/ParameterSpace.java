package io.blisnative.calibrate;

import java.util.List;

/**
 * The coefficients being fitted, mapped to the unit cube the optimizers work in: parameter i
 * moves linearly from its lower bound (0) to its upper bound (1); every other coefficient keeps
 * its start value.
 */
public final class ParameterSpace {
    private final double[] alpha0;
    private final double[] beta0;
    private final List<FitParameter> free;

    /**
     * @param alpha start alphas
     * @param beta  start betas
     * @param free  the coefficients to fit, each index inside its array, no coefficient twice
     * @throws IllegalArgumentException when a parameter is out of range, repeated, or a start value lies
     *         outside its bounds
     */
    public ParameterSpace(double[] alpha, double[] beta, List<FitParameter> free) {
        this.alpha0 = alpha.clone();
        this.beta0 = beta.clone();
        this.free = List.copyOf(free);
        if (this.free.isEmpty()) {
            throw new IllegalArgumentException("at least one coefficient must be fitted");
        }
        for (int i = 0; i < this.free.size(); i++) {
            FitParameter p = this.free.get(i);
            double[] target = p.alpha() ? alpha0 : beta0;
            if (p.index() >= target.length) {
                throw new IllegalArgumentException(p.name() + ": the model has only " + target.length + " "
                        + (p.alpha() ? "alphas" : "betas"));
            }
            double start = target[p.index()];
            if (start < p.lower() || start > p.upper()) {
                throw new IllegalArgumentException(p.name() + ": start value " + start + " is outside ["
                        + p.lower() + ", " + p.upper() + "]");
            }
            for (int j = 0; j < i; j++) {
                if (this.free.get(j).name().equals(p.name())) {
                    throw new IllegalArgumentException(p.name() + " is listed twice");
                }
            }
        }
    }

    /** Number of fitted coefficients. */
    public int dimension() {
        return free.size();
    }

    /** The fitted coefficients, in unit-cube order. */
    public List<FitParameter> parameters() {
        return free;
    }

    /** The start values in unit-cube coordinates. */
    public double[] start() {
        double[] x = new double[free.size()];
        for (int i = 0; i < x.length; i++) {
            FitParameter p = free.get(i);
            double v = (p.alpha() ? alpha0 : beta0)[p.index()];
            x[i] = (v - p.lower()) / (p.upper() - p.lower());
        }
        return x;
    }

    /** The alphas at unit-cube point {@code x} (coordinates clamped into [0, 1]). */
    public double[] alpha(double[] x) {
        return fill(alpha0, x, true);
    }

    /** The betas at unit-cube point {@code x} (coordinates clamped into [0, 1]). */
    public double[] beta(double[] x) {
        return fill(beta0, x, false);
    }

    /** A space with the same parameters starting from the coefficients at {@code x}. */
    public ParameterSpace startingAt(double[] x) {
        return new ParameterSpace(alpha(x), beta(x), free);
    }

    private double[] fill(double[] base, double[] x, boolean alphas) {
        if (x.length != free.size()) {
            throw new IllegalArgumentException("point has " + x.length + " coordinates, expected " + free.size());
        }
        double[] out = base.clone();
        for (int i = 0; i < x.length; i++) {
            FitParameter p = free.get(i);
            if (p.alpha() == alphas) {
                double u = Math.min(1, Math.max(0, x[i]));
                out[p.index()] = p.lower() + u * (p.upper() - p.lower());
            }
        }
        return out;
    }
}
