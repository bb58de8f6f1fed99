package io.blisnative.metrics;

import java.util.Locale;

/**
 * The latency metrics compared between measurement and simulation, in report order.
 * TTFT = first token − arrival; E2E = last token − arrival; TPOT = (E2E − TTFT)/(output tokens − 1)
 * per request; ITL = every gap between streamed chunks.
 */
public enum MetricKind {
    E2E("e2e", "E2E"),
    TTFT("ttft", "TTFT"),
    TPOT("tpot", "TPOT"),
    ITL("itl", "ITL");

    private final String key;
    private final String label;

    MetricKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Lower-case key used in JSON, CSV and the error-budget syntax ({@code e2e}, {@code ttft}, ...). */
    public String key() {
        return key;
    }

    /** Upper-case label used in tables. */
    public String label() {
        return label;
    }

    /**
     * The metric for a key, case-insensitive.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public static MetricKind fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (MetricKind m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "', expected one of e2e, ttft, tpot, itl");
    }
}
