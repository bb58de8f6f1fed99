package io.blisnative.workload;

/**
 * Exponential inter-arrival times (a Poisson process), as BLIS's PoissonSampler: the gap is
 * {@code ExpFloat64 / rate} truncated to whole µs, at least 1.
 */
final class PoissonArrivals implements ArrivalSampler {
    private final double ratePerUs;

    /** @param ratePerUs requests per µs (&gt; 0) */
    PoissonArrivals(double ratePerUs) {
        if (!(ratePerUs > 0) || Double.isInfinite(ratePerUs)) {
            throw new IllegalArgumentException("ratePerUs must be finite and > 0, got " + ratePerUs);
        }
        this.ratePerUs = ratePerUs;
    }

    @Override
    public long nextIatUs(GoRandom rng) {
        long iat = (long) (rng.expFloat64() / ratePerUs);
        return Math.max(iat, 1);
    }
}
