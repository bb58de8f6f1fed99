package io.blisnative.sim;

import java.util.Arrays;

/**
 * The inter-token gap (µs) of every executed step, by step number, kept back to the oldest step a
 * running request still has a token in.
 *
 * <p>Every token a step decodes has that step's gap, so a request need not store its gaps one by
 * one (a store per request per step): it remembers the runs of steps it decoded in, and reads the
 * gaps back from here in the rare cases they must be taken out of the counts again (preemption,
 * timeout, end of run). The log keeps running sums, so a quiet request ({@link QuietDecodes})
 * adds up the gaps of all the steps it slept through in one subtraction. The log drops the steps
 * no running request needs when it fills, so it stays as long as the oldest running request's
 * decode, not the run.
 */
final class GapLog {
    /** Running sums: {@code ends[i]} is the total gap of every step up to and including {@code base + i}. */
    private long[] ends = new long[4096];
    /** Step number of {@code ends[0]}. */
    private long base;
    /** Total gap of every step before {@code base}. */
    private long baseSum;
    private int count;

    /** Number the next appended step gets. */
    long nextStep() {
        return base + count;
    }

    /** True when the next {@link #append} would have to grow the log. */
    boolean full() {
        return count == ends.length;
    }

    /** Records the next step's gap and returns its step number. */
    long append(long gapUs) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count] = before(base + count) + gapUs;
        return base + count++;
    }

    /** The gap of step {@code step}, which must not have been dropped. */
    long gap(long step) {
        return before(step + 1) - before(step);
    }

    /** Total gap of steps {@code [from, to)}, none of them dropped; a run of decodes in one read. */
    long sum(long from, long to) {
        return before(to) - before(from);
    }

    /** Total gap of every step before {@code step} ({@code base <= step <= nextStep()}). */
    private long before(long step) {
        return step == base ? baseSum : ends[(int) (step - base - 1)];
    }

    /**
     * Forgets the steps before {@code step} (at most up to the next step); nobody may ask for them
     * again. Leaves at least half the log free, growing it if it must, so the copying stays
     * proportional to the steps appended.
     */
    void dropBefore(long step) {
        int drop = (int) Math.min(Math.max(step - base, 0), count);
        if (drop > 0) {
            baseSum = ends[drop - 1];
        }
        System.arraycopy(ends, drop, ends, 0, count - drop);
        count -= drop;
        base += drop;
        if (count > ends.length / 2) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
    }
}
