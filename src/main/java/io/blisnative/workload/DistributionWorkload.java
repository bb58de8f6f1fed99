package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * BLIS's "distribution" workload as its golden tests generate it ({@code testGenerateRequests}
 * in {@code sim/test_helpers_test.go}), draw for draw, so the requests behind
 * {@code testdata/goldendataset.json} come out identical.
 *
 * <p>One Go {@code math/rand} stream seeded with {@code seed} supplies, in order: the shared
 * prefix ({@code prefixTokens} ids), then per request the prompt length, the prompt ids, the
 * output length and the output ids. Token ids are {@code Intn(128000)}. A length is
 * {@code round(clamp(NormFloat64()·stdev + mean, min, max))}, or {@code min} without a draw when
 * {@code min == max}. Request {@code i} is {@code request_<i>}, arrives at
 * {@code i · interArrivalUs} and carries prefix + prompt as input; maxOutputLen is 0 (the
 * simulator derives it from max_model_len) and the deadline is {@code arrival + timeoutUs} when a
 * timeout is set.
 *
 * <p>Requests are produced lazily, so a million-request run holds one request at a time. Each
 * {@link #iterator()} restarts the stream from the seed.
 */
public final class DistributionWorkload implements Iterable<Arrival> {

    /** Token ids are drawn from [0, MAX_TOKEN_ID), BLIS's vocabulary bound. */
    public static final int MAX_TOKEN_ID = 128000;

    private final DistributionParams params;

    public DistributionWorkload(DistributionParams params) {
        if (params == null) {
            throw new IllegalArgumentException("params must be non-null");
        }
        this.params = params;
    }

    public DistributionParams params() {
        return params;
    }

    /** A fresh pass over all {@code numRequests} arrivals, in arrival order. */
    @Override
    public Iterator<Arrival> iterator() {
        return new Generator(params);
    }

    /** All arrivals in one list; for small runs and tests (a large run should iterate). */
    public List<Arrival> toList() {
        List<Arrival> all = new ArrayList<>(params.numRequests());
        for (Arrival a : this) {
            all.add(a);
        }
        return all;
    }

    /**
     * One clamped-Gaussian length draw as BLIS does it: clamp to [min, max] in floating point,
     * then round half away from zero. Consumes one NormFloat64 unless {@code min == max}.
     */
    static int gaussianLength(GoRandom rng, int mean, int stdev, int min, int max) {
        if (min == max) {
            return min;
        }
        double value = rng.normFloat64() * stdev + mean;
        double clamped = Math.max(min, Math.min(max, value));
        return (int) roundHalfAwayFromZero(clamped);
    }

    /** Go's {@code math.Round}; unlike Java's Math.round it rounds −2.5 to −3. */
    static double roundHalfAwayFromZero(double x) {
        double magnitude = Math.abs(x);
        double floor = Math.floor(magnitude);
        double rounded = magnitude - floor >= 0.5 ? floor + 1 : floor;
        return Math.copySign(rounded, x);
    }

    private static final class Generator implements Iterator<Arrival> {
        private final DistributionParams p;
        private final GoRandom rng;
        private final int[] prefix;
        private final long gapUs;
        private int next;

        Generator(DistributionParams p) {
            this.p = p;
            this.rng = new GoRandom(p.seed());
            this.prefix = new int[p.prefixTokens()];
            fillTokenIds(prefix, 0, prefix.length);
            this.gapUs = p.interArrivalUs();
        }

        @Override
        public boolean hasNext() {
            return next < p.numRequests();
        }

        @Override
        public Arrival next() {
            if (!hasNext()) {
                throw new NoSuchElementException("all " + p.numRequests() + " requests generated");
            }
            int promptLen = gaussianLength(rng, p.promptMean(), p.promptStdev(), p.promptMin(), p.promptMax());
            int[] input = new int[prefix.length + promptLen];
            System.arraycopy(prefix, 0, input, 0, prefix.length);
            fillTokenIds(input, prefix.length, input.length);
            int outputLen = gaussianLength(rng, p.outputMean(), p.outputStdev(), p.outputMin(), p.outputMax());
            int[] output = new int[outputLen];
            fillTokenIds(output, 0, outputLen);
            long arrivalUs = next * gapUs;
            long deadlineUs = p.timeoutUs() == 0 ? 0 : arrivalUs + p.timeoutUs();
            String id = "request_" + next;
            next++;
            return new Arrival(id, arrivalUs, input, output, 0, deadlineUs, "", "", 0);
        }

        private void fillTokenIds(int[] ids, int from, int to) {
            rng.fillIntn(ids, from, to, MAX_TOKEN_ID);
        }
    }
}
