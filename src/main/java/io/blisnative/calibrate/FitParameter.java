package io.blisnative.calibrate;

import java.util.Locale;

/**
 * One coefficient the calibration moves, with its bounds.
 *
 * @param alpha true for an alpha coefficient, false for a beta
 * @param index position in the alpha or beta array, ≥ 0
 * @param lower smallest allowed value, finite, ≥ 0
 * @param upper largest allowed value, finite, &gt; lower
 */
public record FitParameter(boolean alpha, int index, double lower, double upper) {

    public FitParameter {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (!(lower >= 0) || Double.isInfinite(upper) || !(upper > lower)) {
            throw new IllegalArgumentException("bounds must satisfy 0 <= lower < upper < infinity, got [" + lower
                    + ", " + upper + "]");
        }
    }

    /**
     * Parses {@code alphaN=LO:HI} or {@code betaN=LO:HI}, e.g. {@code beta6=0:200}.
     *
     * @throws IllegalArgumentException naming the malformed part
     */
    public static FitParameter parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int eq = s.indexOf('=');
        int colon = s.indexOf(':', eq + 1);
        if (eq < 0 || colon < 0) {
            throw new IllegalArgumentException("parameter '" + spec + "': expected alphaN=LO:HI or betaN=LO:HI");
        }
        String name = s.substring(0, eq);
        boolean isAlpha = name.startsWith("alpha");
        if (!isAlpha && !name.startsWith("beta")) {
            throw new IllegalArgumentException("parameter '" + spec + "': name must be alphaN or betaN");
        }
        try {
            int index = Integer.parseInt(name.substring(isAlpha ? 5 : 4));
            double lo = Double.parseDouble(s.substring(eq + 1, colon));
            double hi = Double.parseDouble(s.substring(colon + 1));
            return new FitParameter(isAlpha, index, lo, hi);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** "alphaN" or "betaN". */
    public String name() {
        return (alpha ? "alpha" : "beta") + index;
    }
}
