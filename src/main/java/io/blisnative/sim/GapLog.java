package io.blisnative.sim;

import java.util.Arrays;

/**
 * The inter-token gap (µs) of every executed step, by step number, kept back to the oldest step a
 * running request still has a token in.
 *
 * <p>Every token a step decodes has that step's gap, so a request need not store its gaps one by
 * one (a store per request per step): it remembers the runs of steps it decoded in, and reads the
 * gaps back from here in the rare cases they must be taken out of the counts again (preemption,
 * timeout, end of run). The log drops the steps no running request needs when it fills, so it stays as
 * long as the oldest running request's decode, not the run.
 */
final class GapLog {
    private long[] gaps = new long[4096];
    /** Step number of {@code gaps[0]}. */
    private long base;
    private int count;

    /** Number the next appended step gets. */
    long nextStep() {
        return base + count;
    }

    /** True when the next {@link #append} would have to grow the log. */
    boolean full() {
        return count == gaps.length;
    }

    /** Records the next step's gap and returns its step number. */
    long append(long gapUs) {
        if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, count * 2);
        }
        gaps[count] = gapUs;
        return base + count++;
    }

    /** The gap of step {@code step}, which must not have been dropped. */
    long gap(long step) {
        return gaps[(int) (step - base)];
    }

    /**
     * Forgets the steps before {@code step} (at most up to the next step); nobody may ask for them
     * again. Leaves at least half the log free, growing it if it must, so the copying stays
     * proportional to the steps appended.
     */
    void dropBefore(long step) {
        int drop = (int) Math.min(Math.max(step - base, 0), count);
        System.arraycopy(gaps, drop, gaps, 0, count - drop);
        count -= drop;
        base += drop;
        if (count > gaps.length / 2) {
            gaps = Arrays.copyOf(gaps, gaps.length * 2);
        }
    }
}
