package io.blisnative.workload;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs another iterator on a background thread, a few batches ahead of the consumer, and hands
 * over its elements in the same order.
 *
 * <p>Generating a synthetic request (hundreds of seeded token-id draws) or parsing a trace line
 * costs about as much as a tenth of simulating it, and the two are independent, so on a machine
 * with a spare core the arrivals are produced while the simulation runs instead of before. The
 * source is consumed only by the background thread; its elements, values and order are exactly
 * what iterating it directly gives.
 * An exception the source throws is rethrown by {@link #hasNext} or {@link #next} at the point the
 * consumer reaches it.
 *
 * <p>The thread is a daemon: a consumer that stops early leaves it blocked with at most
 * {@code depth} batches, which the JVM discards at exit.
 *
 * <p>The background thread is usually ahead, waiting for room. Waking it costs the consumer a
 * system call and the other core a wake-up (on a virtual machine about as much as simulating a
 * hundred requests), so it is woken only once the consumer has drained the queue to a quarter,
 * and then refills it in one go: one wake-up per six batches instead of one per batch.
 * Fewer, larger batches would do the same but hold more requests at once, and requests held
 * across a young collection are copied and promoted: 1024 x 4 doubled the 1M replay's GC time.
 */
public final class PrefetchingIterator<T> implements Iterator<T> {
    private static final Object[] END = new Object[0];
    /** Elements handed over at a time by default: enough to make the hand-over cost negligible. */
    private static final int BATCH_SIZE = 256;
    /** Batches the background thread may run ahead by default. */
    private static final int DEPTH = 8;

    private final Object[][] slots;
    private final int resumeAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition roomAgain = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private int head;
    private int count;
    private boolean producerWaiting;
    private boolean consumerWaiting;
    private Object[] batch;
    private int position;
    private volatile Throwable failure;

    /** Prefetches {@code source} in batches of 256, at most 8 batches ahead, on thread {@code threadName}. */
    public PrefetchingIterator(Iterator<T> source, String threadName) {
        this(source, BATCH_SIZE, DEPTH, threadName);
    }

    /**
     * @param batchSize elements handed over at a time (≥ 1)
     * @param depth     batches the background thread may run ahead (≥ 1)
     */
    public PrefetchingIterator(Iterator<T> source, int batchSize, int depth, String threadName) {
        if (batchSize < 1 || depth < 1) {
            throw new IllegalArgumentException("batchSize and depth must be >= 1, got " + batchSize + ", " + depth);
        }
        this.slots = new Object[depth][];
        this.resumeAt = depth / 4;
        Thread producer = new Thread(() -> produce(source, batchSize), threadName);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Iterator<T> source, int batchSize) {
        try {
            boolean more = true;
            while (more) {
                Object[] b = new Object[batchSize];
                int n = 0;
                try {
                    while (n < batchSize && (more = source.hasNext())) {
                        T element = source.next();
                        b[n++] = element;
                    }
                } catch (RuntimeException | Error e) {
                    // The elements before the failure still go out first.
                    failure = e;
                    more = false;
                }
                if (n > 0) {
                    put(n == batchSize ? b : Arrays.copyOf(b, n));
                }
            }
            put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        if (batch != null && position < batch.length) {
            return true;
        }
        if (batch == END) {
            return false;
        }
        try {
            batch = take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next element", e);
        }
        position = 0;
        if (batch == END) {
            rethrowFailure();
            return false;
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more elements");
        }
        T element = (T) batch[position];
        batch[position++] = null;
        return element;
    }

    private void put(Object[] b) throws InterruptedException {
        lock.lock();
        try {
            while (count == slots.length) {
                producerWaiting = true;
                roomAgain.await();
            }
            producerWaiting = false;
            slots[(head + count) % slots.length] = b;
            count++;
            if (consumerWaiting) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private Object[] take() throws InterruptedException {
        lock.lock();
        try {
            while (count == 0) {
                consumerWaiting = true;
                notEmpty.await();
            }
            consumerWaiting = false;
            Object[] b = slots[head];
            slots[head] = null;
            head = (head + 1) % slots.length;
            count--;
            if (producerWaiting && count <= resumeAt) {
                roomAgain.signal();
            }
            return b;
        } finally {
            lock.unlock();
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
