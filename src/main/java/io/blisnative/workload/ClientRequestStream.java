package io.blisnative.workload;

/**
 * The independent (open-loop) requests of one client, generated one at a time in arrival order
 * exactly as BLIS's per-client loop does: next gap, stop past the horizon or after the client's
 * last active window, skip times outside the window (drawing no tokens), then the question and
 * output token ids from the client's own stream with the group's system prompt in front.
 */
final class ClientRequestStream {
    final int clientIndex;
    private final ClientPlan plan;
    private final GoRandom rng;
    private final ArrivalSampler sampler;
    private final int[] prefix;
    private final long horizonUs;
    private final long cap;
    private long produced;

    long timeUs;
    int[] input;
    int[] output;

    ClientRequestStream(int clientIndex, ClientPlan plan, GoRandom rng, ArrivalSampler sampler, int[] prefix,
            long horizonUs, long cap) {
        this.clientIndex = clientIndex;
        this.plan = plan;
        this.rng = rng;
        this.sampler = sampler;
        this.prefix = prefix;
        this.horizonUs = horizonUs;
        this.cap = cap;
    }

    /** Moves to the client's next request; false when it has no more. */
    boolean advance() {
        while (true) {
            if (cap > 0 && produced >= cap) {
                return false;
            }
            long iat = sampler.nextIatUs(rng);
            if (iat == 0) {
                return false;
            }
            timeUs += iat;
            if (timeUs >= horizonUs) {
                return false;
            }
            if (!plan.activeAt(timeUs)) {
                if (timeUs >= plan.window().endUs()) {
                    return false;
                }
                continue;
            }
            int[] question = TokenIds.random(rng, plan.sampledQuestionLen());
            output = TokenIds.random(rng, plan.sampledOutputLen());
            input = TokenIds.concat(prefix, question);
            produced++;
            return true;
        }
    }
}
