package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;

/**
 * BLIS's historical linear-regression latency model (spec §3.3, removed from BLIS in April 2026):
 * step time {@code max(1, trunc(β0 + β1·prefill tokens + β2·decode tokens))}, where prefill
 * tokens are the new (cache-miss) tokens of requests still in prefill and decode tokens are those
 * of requests with output to generate. Alphas as the roofline: queueing
 * {@code trunc(α0 + α1·input)}, output-token processing {@code trunc(α2)}, no post-decode overhead.
 * {@link #stepTimeUs} allocates nothing.
 */
public final class BlackboxModel implements LatencyModel {

    private final AlphaTerms alpha;
    private final double beta0;
    private final double beta1;
    private final double beta2;

    /**
     * @param alpha {α0 µs, α1 µs per input token, α2 µs per output token}
     * @param beta  {β0 µs per step, β1 µs per prefill token, β2 µs per decode token}
     * @throws IllegalArgumentException unless both arrays hold three finite non-negative numbers
     */
    public BlackboxModel(double[] alpha, double[] beta) {
        this.alpha = AlphaTerms.of(alpha);
        Coefficients.check("beta", beta, 3, 3);
        this.beta0 = beta[0];
        this.beta1 = beta[1];
        this.beta2 = beta[2];
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        long prefillTokens = 0;
        long decodeTokens = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isPrefill(i)) {
                prefillTokens += batch.newTokens(i);
            } else if (batch.outputLength(i) > 0) {
                decodeTokens += batch.newTokens(i);
            }
        }
        decodeTokens += batch.aggregateDecodes();
        double step = beta0 + beta1 * (double) prefillTokens + beta2 * (double) decodeTokens;
        return Math.max(1, GoMath.truncToLong(step));
    }

    /** Decodes enter only as a token count. */
    @Override
    public boolean pricesAggregateDecodes() {
        return true;
    }

    @Override
    public long queueingTimeUs(int inputLength) {
        return alpha.queueingTimeUs(inputLength);
    }

    @Override
    public long outputTokenProcessingTimeUs() {
        return alpha.outputTokenProcessingTimeUs();
    }

    @Override
    public long postDecodeFixedOverheadUs() {
        return 0;
    }
}
