package io.blisnative.calibrate;

import java.util.Locale;

/** Derivative-free optimizers a calibration can use (all from commons-math3). */
public enum OptimizerKind {
    /** Powell's BOBYQA: bounded quadratic-model trust region; few evaluations on smooth losses. */
    BOBYQA("bobyqa"),
    /** CMA-ES: bounded evolution strategy; more evaluations, robust to noise and local minima. */
    CMAES("cmaes"),
    /** Nelder-Mead simplex, bounds enforced by clamping into the box. */
    NELDER_MEAD("nelder-mead");

    private final String key;

    OptimizerKind(String key) {
        this.key = key;
    }

    /** Command-line name. */
    public String key() {
        return key;
    }

    /**
     * The optimizer a command-line name denotes, case-insensitive.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static OptimizerKind fromKey(String name) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind o : values()) {
            if (o.key.equals(k)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "' (expected bobyqa, cmaes or nelder-mead)");
    }
}
