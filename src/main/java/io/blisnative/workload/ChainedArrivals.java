package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import java.util.Iterator;

/**
 * Passes arrivals through with their KV block hash chain attached ({@link Arrival#withBlockChain}).
 *
 * <p>Meant to run inside a {@link PrefetchingIterator}: the hashing of every prompt and output
 * token then happens on the producer thread, which has time to spare, and the simulation finds
 * each chain ready instead of hashing on its own thread. Arrivals, order and simulated results are
 * unchanged; a cache with another block size computes its own chain as before.
 */
public final class ChainedArrivals implements Iterator<Arrival> {
    private final Iterator<Arrival> source;
    private final int blockSize;

    /** @param blockSize the run's KV block size in tokens (&gt; 0) */
    public ChainedArrivals(Iterator<Arrival> source, int blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        this.source = source;
        this.blockSize = blockSize;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public Arrival next() {
        return source.next().withBlockChain(blockSize);
    }
}
