package io.blisnative.workload;

/**
 * Parameters of BLIS's "distribution" synthetic workload: a fixed-rate open-loop stream whose
 * prompt and output lengths are clamped Gaussians, all requests sharing one random prefix.
 *
 * @param seed          seed of the single Go {@code math/rand} stream every draw comes from
 * @param rate          arrival rate in requests per second (finite, &gt; 0)
 * @param numRequests   number of requests to generate (≥ 0)
 * @param prefixTokens  length of the shared prefix prepended to every prompt (≥ 0)
 * @param promptMean    mean prompt length in tokens, excluding the prefix (in [promptMin, promptMax])
 * @param promptStdev   prompt length standard deviation in tokens (≥ 0)
 * @param promptMin     lower clamp of the prompt length (≥ 1)
 * @param promptMax     upper clamp of the prompt length (≥ promptMin)
 * @param outputMean    mean output length in tokens (in [outputMin, outputMax])
 * @param outputStdev   output length standard deviation in tokens (≥ 0)
 * @param outputMin     lower clamp of the output length (≥ 1)
 * @param outputMax     upper clamp of the output length (≥ outputMin)
 * @param timeoutUs     per-request client timeout in µs, deadline = arrival + timeout; 0 = none
 */
public record DistributionParams(
        long seed,
        double rate,
        int numRequests,
        int prefixTokens,
        int promptMean,
        int promptStdev,
        int promptMin,
        int promptMax,
        int outputMean,
        int outputStdev,
        int outputMin,
        int outputMax,
        long timeoutUs) {

    public DistributionParams {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite value > 0, got " + rate);
        }
        requireAtLeast("numRequests", numRequests, 0);
        requireAtLeast("prefixTokens", prefixTokens, 0);
        requireLength("prompt", promptMean, promptStdev, promptMin, promptMax);
        requireLength("output", outputMean, outputStdev, outputMin, outputMax);
        if (timeoutUs < 0) {
            throw new IllegalArgumentException("timeoutUs must be >= 0 (0 = none), got " + timeoutUs);
        }
        long last = Math.max(0, numRequests - 1);
        try {
            Math.addExact(Math.multiplyExact(last, interArrivalUs(rate)), timeoutUs);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("rate " + rate + " with numRequests " + numRequests
                    + " and timeoutUs " + timeoutUs + " overflows the µs clock");
        }
    }

    /** A workload without client deadlines. */
    public static DistributionParams of(long seed, double rate, int numRequests, int prefixTokens,
            int promptMean, int promptStdev, int promptMin, int promptMax,
            int outputMean, int outputStdev, int outputMin, int outputMax) {
        return new DistributionParams(seed, rate, numRequests, prefixTokens, promptMean, promptStdev,
                promptMin, promptMax, outputMean, outputStdev, outputMin, outputMax, 0);
    }

    /** The same workload with a per-request timeout in µs (0 = none). */
    public DistributionParams withTimeoutUs(long newTimeoutUs) {
        return new DistributionParams(seed, rate, numRequests, prefixTokens, promptMean, promptStdev,
                promptMin, promptMax, outputMean, outputStdev, outputMin, outputMax, newTimeoutUs);
    }

    /**
     * Gap between consecutive arrivals in µs: BLIS converts the rate to requests per µs and
     * truncates the reciprocal, so 10 req/s gives 99999 µs, not 100000.
     */
    public long interArrivalUs() {
        return interArrivalUs(rate);
    }

    private static long interArrivalUs(double rate) {
        double perUs = rate / 1e6;
        return (long) (1 / perUs);
    }

    private static void requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
    }

    private static void requireLength(String name, int mean, int stdev, int min, int max) {
        requireAtLeast(name + "Min", min, 1);
        requireAtLeast(name + "Stdev", stdev, 0);
        if (max < min) {
            throw new IllegalArgumentException(
                    name + "Max (" + max + ") must be >= " + name + "Min (" + min + ")");
        }
        if (mean < min || mean > max) {
            throw new IllegalArgumentException(name + "Mean (" + mean + ") must be in ["
                    + min + ", " + max + "]");
        }
    }
}
