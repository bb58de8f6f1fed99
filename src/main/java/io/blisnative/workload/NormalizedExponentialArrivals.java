package io.blisnative.workload;

/**
 * Exactly {@code count} exponential gaps rescaled so they span {@code durationUs}, as
 * inference-perf's constant-load timer and BLIS's NormalizedExponentialSampler do.
 *
 * <p>All gaps are drawn at construction ({@code count} ExpFloat64 draws on the generator given
 * there): raw gap = draw / (count / durationUs), then every gap is multiplied by
 * {@code durationUs / Σ raw} and truncated to whole µs, at least 1. Truncation makes the gaps
 * sum to at most {@code durationUs}. {@link #nextIatUs} hands them out in order and returns 0
 * after the last one.
 */
final class NormalizedExponentialArrivals implements ArrivalSampler {
    /** BLIS refuses to pre-draw more gaps than this per client. */
    static final long MAX_COUNT = 10_000_000L;

    private final long[] gapsUs;
    private int next;

    NormalizedExponentialArrivals(GoRandom rng, long count, long durationUs) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        if (durationUs <= 0) {
            throw new IllegalArgumentException("durationUs must be positive, got " + durationUs);
        }
        if (count > MAX_COUNT) {
            throw new IllegalArgumentException("count " + count + " exceeds the safety limit " + MAX_COUNT);
        }
        if (durationUs < count) {
            throw new IllegalArgumentException("durationUs " + durationUs + " < count " + count
                    + " gives a degenerate distribution");
        }
        double rate = (double) count / (double) durationUs;
        double[] raw = new double[(int) count];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = rng.expFloat64() / rate;
        }
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        if (sum == 0 || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("exponential gaps summed to " + sum + "; inputs are extreme");
        }
        double scale = (double) durationUs / sum;
        gapsUs = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            gapsUs[i] = Math.max((long) (raw[i] * scale), 1);
        }
    }

    @Override
    public long nextIatUs(GoRandom rng) {
        return next < gapsUs.length ? gapsUs[next++] : 0;
    }
}
