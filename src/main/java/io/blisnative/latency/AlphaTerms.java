package io.blisnative.latency;

/**
 * The alpha coefficients of BLIS's roofline, roofline-v2 and blackbox models, in µs: queueing
 * delay {@code trunc(α0 + α1·input length)} and output-token processing {@code trunc(α2)}, with
 * Go's float-to-int truncation so the figures agree with BLIS to the microsecond.
 */
record AlphaTerms(double alpha0, double alpha1, double alpha2) {

    /**
     * @param alpha {α0 µs, α1 µs per input token, α2 µs per output token}
     * @throws IllegalArgumentException unless alpha holds three finite non-negative numbers
     */
    static AlphaTerms of(double[] alpha) {
        Coefficients.check("alpha", alpha, 3, 3);
        return new AlphaTerms(alpha[0], alpha[1], alpha[2]);
    }

    long queueingTimeUs(int inputLength) {
        return GoMath.truncToLong(alpha0 + alpha1 * (double) inputLength);
    }

    long outputTokenProcessingTimeUs() {
        return GoMath.truncToLong(alpha2);
    }
}
