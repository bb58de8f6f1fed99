package io.blisnative.trace;

/**
 * Which shared_prefix settings of an inference-perf experiment to expand into requests.
 */
public enum SharedPrefixSource {
    /**
     * {@code results/config.yaml}: the configuration inference-perf resolved and actually ran. The
     * inference-perf version of the shipped experiments did not know the profile's
     * {@code num_unique_system_prompts}, {@code num_users_per_system_prompt} and
     * {@code enable_multi_turn_chat} keys, so it ran its defaults (10 groups × 10 prompts, single turn).
     */
    RESOLVED("resolved"),
    /** {@code profile.yaml}: what the experiment asked for (and what BLIS's own expansion uses). */
    PROFILE("profile");

    private final String id;

    SharedPrefixSource(String id) {
        this.id = id;
    }

    /** Command-line name. */
    public String id() {
        return id;
    }
}
