package io.blisnative.trace;

/** How requests of a constant-rate inference-perf stage are spaced. */
public enum ArrivalPattern {
    /**
     * inference-perf's {@code ConstantLoadTimer}: rate × duration exponential gaps, scaled so they sum
     * to the stage duration (the last request is sent exactly at the stage end).
     */
    EXPONENTIAL_NORMALIZED("exponential"),
    /** A request every 1/rate seconds, the first at the stage start. */
    FIXED_INTERVAL("fixed");

    private final String id;

    ArrivalPattern(String id) {
        this.id = id;
    }

    /** Command-line name. */
    public String id() {
        return id;
    }
}
