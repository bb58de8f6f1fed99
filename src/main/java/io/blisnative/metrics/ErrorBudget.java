package io.blisnative.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Upper bounds on the absolute percent error per metric, as given by {@code --max-error
 * e2e=10,ttft=15,tpot=15}.
 *
 * <p>Rule checked by {@link #violations(ReportSet)}: for each bounded metric the figure compared with
 * the bound is the mean of |error %| over the report's experiments ({@link OverallError#meanAbsErrorPct()}).
 * With a single experiment that mean is simply that experiment's |error %|. A bounded metric that no
 * experiment measures, or whose error is undefined everywhere, is a violation too: an unchecked
 * budget must not pass silently.
 *
 * @param maxAbsErrorPct bound in % per metric, each finite and ≥ 0; iterated in {@link MetricKind} order
 */
public record ErrorBudget(Map<MetricKind, Double> maxAbsErrorPct) {

    private static final String SYNTAX = "expected METRIC=PERCENT[,METRIC=PERCENT...] with METRIC one of e2e, ttft, tpot, itl";

    public ErrorBudget {
        if (maxAbsErrorPct == null || maxAbsErrorPct.isEmpty()) {
            throw new IllegalArgumentException("maxAbsErrorPct must name at least one metric");
        }
        EnumMap<MetricKind, Double> copy = new EnumMap<>(MetricKind.class);
        for (Map.Entry<MetricKind, Double> e : maxAbsErrorPct.entrySet()) {
            Double v = e.getValue();
            if (e.getKey() == null || v == null || !Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("maxAbsErrorPct bounds must be finite and >= 0, got "
                        + e.getKey() + "=" + v);
            }
            copy.put(e.getKey(), v);
        }
        maxAbsErrorPct = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code e2e=10,ttft=15,tpot=15}: comma-separated {@code metric=percent} pairs, metric names
     * case-insensitive, blanks around tokens ignored.
     *
     * @throws IllegalArgumentException naming the offending token when the text is empty, a token
     *                                  lacks '=', names an unknown or repeated metric, or its bound
     *                                  is not a finite number ≥ 0
     */
    public static ErrorBudget parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty max-error budget: " + SYNTAX);
        }
        EnumMap<MetricKind, Double> bounds = new EnumMap<>(MetricKind.class);
        for (String raw : spec.split(",", -1)) {
            String token = raw.trim();
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw bad(token, SYNTAX);
            }
            MetricKind kind;
            try {
                kind = MetricKind.fromKey(token.substring(0, eq));
            } catch (IllegalArgumentException ex) {
                throw bad(token, SYNTAX);
            }
            double bound = parseBound(token, token.substring(eq + 1).trim());
            if (bounds.put(kind, bound) != null) {
                throw bad(token, kind.key() + " is given more than once");
            }
        }
        return new ErrorBudget(bounds);
    }

    /**
     * Human-readable lines, one per bounded metric over its budget (see the class comment for the
     * rule); empty when the report is within budget.
     */
    public List<String> violations(ReportSet report) {
        Map<MetricKind, OverallError> overall = report.overall();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<MetricKind, Double> e : maxAbsErrorPct.entrySet()) {
            MetricKind kind = e.getKey();
            double bound = e.getValue();
            OverallError o = overall.get(kind);
            if (o == null || o.experiments() == 0) {
                lines.add(String.format(Locale.ROOT, "%s: no defined error to check against the budget of %.2f %%",
                        kind.key(), bound));
            } else if (o.meanAbsErrorPct() > bound) {
                lines.add(String.format(Locale.ROOT, "%s: %s %.2f %% exceeds the budget of %.2f %%",
                        kind.key(), subject(report, o), o.meanAbsErrorPct(), bound));
            }
        }
        return lines;
    }

    private static String subject(ReportSet report, OverallError o) {
        if (report.size() == 1) {
            return "|error| of experiment " + report.experiments().get(0).name();
        }
        return "mean |error| over " + o.experiments() + " experiments";
    }

    private static double parseBound(String token, String text) {
        // plain decimals only: Double.parseDouble would also take "10d", "0x1p3" or "Infinity"
        if (!text.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            throw bad(token, "the bound must be a plain non-negative number in percent");
        }
        return Double.parseDouble(text);
    }

    private static IllegalArgumentException bad(String token, String why) {
        return new IllegalArgumentException("bad max-error token '" + token + "': " + why);
    }
}
