package io.blisnative.workload;

import java.util.List;

/**
 * An inference-perf style workload in BLIS's compact form ({@code inference_perf:} in a
 * WorkloadSpec): load stages run one after another, and {@code shared_prefix} describes
 * N system prompts × M users per prompt, each user asking fixed-length questions.
 *
 * <p>Validation follows BLIS ({@code validateInferencePerfSpec}): at least one stage, every
 * stage with a positive duration and a finite positive rate, and a shared prefix with positive
 * prompt and user counts and non-negative lengths.
 *
 * @param stages       load stages in order; stage {@code s} starts when stage {@code s-1} ends
 * @param sharedPrefix the client population and its fixed lengths
 */
public record InferencePerfSpec(List<Stage> stages, SharedPrefix sharedPrefix) {

    public InferencePerfSpec {
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("inference_perf.stages: at least one stage required");
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) == null) {
                throw new IllegalArgumentException("inference_perf.stages[" + i + "] must be non-null");
            }
        }
        if (sharedPrefix == null) {
            throw new IllegalArgumentException("inference_perf.shared_prefix is required");
        }
        stages = List.copyOf(stages);
    }

    /** Clients per stage: system prompts × users per prompt. */
    public int clientsPerStage() {
        return sharedPrefix.numUniqueSystemPrompts() * sharedPrefix.numUsersPerSystemPrompt();
    }

    /**
     * One load stage.
     *
     * @param rate      aggregate request rate during the stage, requests per second (finite, &gt; 0)
     * @param durationS stage length in seconds (&gt; 0)
     */
    public record Stage(double rate, long durationS) {
        public Stage {
            if (durationS <= 0) {
                throw new IllegalArgumentException("inference_perf.stages.duration must be positive, got " + durationS);
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException(
                        "inference_perf.stages.rate must be a finite positive number, got " + rate);
            }
        }

        /** Stage length in µs. */
        public long durationUs() {
            return durationS * 1_000_000L;
        }
    }

    /**
     * The client population.
     *
     * @param numUniqueSystemPrompts  distinct system prompts, one prefix-cache group each (&gt; 0)
     * @param numUsersPerSystemPrompt users sharing each system prompt (&gt; 0)
     * @param systemPromptLen         system prompt tokens (≥ 0; BLIS substitutes 50 when 0)
     * @param questionLen             question tokens per request (≥ 0; 0 still yields 1 token)
     * @param outputLen               output tokens per request (≥ 0; 0 still yields 1 token)
     * @param enableMultiTurnChat     each user is one chat session cycling through rounds
     */
    public record SharedPrefix(
            int numUniqueSystemPrompts,
            int numUsersPerSystemPrompt,
            int systemPromptLen,
            int questionLen,
            int outputLen,
            boolean enableMultiTurnChat) {

        public SharedPrefix {
            if (numUniqueSystemPrompts <= 0) {
                throw new IllegalArgumentException(
                        "shared_prefix.num_unique_system_prompts must be positive, got " + numUniqueSystemPrompts);
            }
            if (numUsersPerSystemPrompt <= 0) {
                throw new IllegalArgumentException(
                        "shared_prefix.num_users_per_system_prompt must be positive, got " + numUsersPerSystemPrompt);
            }
            if (systemPromptLen < 0) {
                throw new IllegalArgumentException(
                        "shared_prefix.system_prompt_len must be non-negative, got " + systemPromptLen);
            }
            if (questionLen < 0) {
                throw new IllegalArgumentException(
                        "shared_prefix.question_len must be non-negative, got " + questionLen);
            }
            if (outputLen < 0) {
                throw new IllegalArgumentException("shared_prefix.output_len must be non-negative, got " + outputLen);
            }
            if ((long) numUniqueSystemPrompts * numUsersPerSystemPrompt > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shared_prefix: too many clients ("
                        + numUniqueSystemPrompts + " × " + numUsersPerSystemPrompt + ")");
            }
        }
    }
}
