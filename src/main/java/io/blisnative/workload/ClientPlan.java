package io.blisnative.workload;

import java.util.function.Function;

/**
 * One client of an expanded workload (BLIS's ClientSpec, reduced to what inference-perf
 * expansion produces): fixed input and output lengths, one prefix-cache group, an arrival
 * process, optionally one active window and optionally a multi-turn chat session.
 *
 * @param id             client name, e.g. {@code prompt-0-user-1} or {@code stage-1-prompt-0-user-1}
 * @param prefixGroup    prefix-cache group (also the tenant), e.g. {@code prompt-0}
 * @param rateFraction   share of the aggregate rate (&gt; 0; normalised over co-active clients)
 * @param customSampler  builds the arrival sampler from a generator derived from the client's
 *                       own; null means Poisson at the client's normalised rate
 * @param questionLen    question tokens per request as specified (a sample is never below 1)
 * @param outputLen      output tokens per request as specified (a sample is never below 1)
 * @param prefixLength   system prompt tokens (0 = BLIS's default prefix length applies)
 * @param window         the only interval in which the client sends; null = always
 * @param multiTurn      chat-session shape; null for independent requests
 */
record ClientPlan(
        String id,
        String prefixGroup,
        double rateFraction,
        Function<GoRandom, ArrivalSampler> customSampler,
        int questionLen,
        int outputLen,
        int prefixLength,
        ActiveWindow window,
        MultiTurn multiTurn) {

    ClientPlan {
        if (!(rateFraction > 0) || Double.isInfinite(rateFraction)) {
            throw new IllegalArgumentException(id + ": rate_fraction must be finite and > 0, got " + rateFraction);
        }
        if (multiTurn != null && multiTurn.maxRounds() < 1) {
            throw new IllegalArgumentException(id + ": reasoning.multi_turn.max_rounds must be >= 1, got "
                    + multiTurn.maxRounds() + " (fewer requests in the stage than clients)");
        }
    }

    /** BLIS's constant length sampler never returns less than 1. */
    int sampledQuestionLen() {
        return Math.max(questionLen, 1);
    }

    int sampledOutputLen() {
        return Math.max(outputLen, 1);
    }

    boolean activeAt(long timeUs) {
        return window == null || window.contains(timeUs);
    }

    /**
     * A half-open activity interval {@code [startUs, endUs)}.
     */
    record ActiveWindow(long startUs, long endUs) {
        ActiveWindow {
            if (startUs < 0 || endUs <= startUs) {
                throw new IllegalArgumentException(
                        "window must satisfy 0 <= start < end, got [" + startUs + ", " + endUs + ")");
            }
        }

        boolean contains(long timeUs) {
            return timeUs >= startUs && timeUs < endUs;
        }

        boolean overlaps(ActiveWindow other) {
            return startUs < other.endUs && other.startUs < endUs;
        }
    }

    /**
     * A chat session: {@code maxRounds} requests, each follow-up sent {@code thinkTimeUs} after
     * the previous one completes, every round with a fresh fixed-length question (no context
     * accumulation, as real inference-perf sends).
     */
    record MultiTurn(int maxRounds, long thinkTimeUs) {
        MultiTurn {
            if (thinkTimeUs < 0) {
                throw new IllegalArgumentException("think_time_us must be >= 0, got " + thinkTimeUs);
            }
        }
    }
}
