package io.blisnative.workload;

/**
 * The fixed shape of one closed-loop chat session, decided at generation time (BLIS's
 * SessionBlueprint for fixed-length, non-accumulating sessions).
 *
 * @param sessionId    session name shared by all its rounds, e.g. {@code sess_123}
 * @param clientId     the client the session belongs to
 * @param maxRounds    total rounds including round 0 (≥ 1)
 * @param thinkTimeUs  gap between a round leaving the server and the next round arriving (µs, ≥ 0)
 * @param timeoutUs    client deadline of each round relative to its arrival (µs); 0 = none
 * @param horizonUs    follow-ups arriving after this time are not sent
 * @param questionLen  new question tokens per follow-up round (≥ 1)
 * @param outputLen    output tokens per follow-up round (≥ 1)
 * @param rngSeed      seed of the session's own Go math/rand stream for follow-up tokens
 * @param prefix       system prompt tokens prepended to every follow-up (may be empty)
 * @param sloClass     SLO class of every round
 */
public record SessionBlueprint(
        String sessionId,
        String clientId,
        int maxRounds,
        long thinkTimeUs,
        long timeoutUs,
        long horizonUs,
        int questionLen,
        int outputLen,
        long rngSeed,
        int[] prefix,
        String sloClass) {

    /** BLIS gives session requests without an explicit timeout this deadline: 300 s. */
    public static final long DEFAULT_TIMEOUT_US = 300_000_000L;

    public SessionBlueprint {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new IllegalArgumentException("sessionId must be non-empty");
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1, got " + maxRounds);
        }
        if (thinkTimeUs < 0) {
            throw new IllegalArgumentException("thinkTimeUs must be >= 0, got " + thinkTimeUs);
        }
        if (timeoutUs < 0) {
            throw new IllegalArgumentException("timeoutUs must be >= 0, got " + timeoutUs);
        }
        if (questionLen < 1 || outputLen < 1) {
            throw new IllegalArgumentException("questionLen and outputLen must be >= 1, got "
                    + questionLen + " and " + outputLen);
        }
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must be non-null (empty for none)");
        }
        sloClass = sloClass == null ? "" : sloClass;
    }
}
