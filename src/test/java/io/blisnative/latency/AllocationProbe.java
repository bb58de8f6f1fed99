package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;
import java.lang.management.ManagementFactory;

/** Measures heap bytes the current thread allocates while a latency model prices a batch many times. */
final class AllocationProbe {

    private AllocationProbe() {
    }

    /** Bytes allocated by {@code calls} calls of stepTimeUs after a warm-up, or -1 when the JVM cannot tell. */
    static long bytesForStepTime(LatencyModel model, StepBatch batch, int calls) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return -1;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += model.stepTimeUs(batch);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < calls; i++) {
            sink += model.stepTimeUs(batch);
        }
        long after = threads.getThreadAllocatedBytes(id);
        return sink == Long.MIN_VALUE ? -2 : after - before;
    }
}
