package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;
import org.junit.jupiter.api.Test;

class SchedulingOverheadModelTest {

    /** Blackbox β = (100, 1, 2): TestBatches.mixed() takes 100 + 1·700 + 2·2 = 804 µs; α = (7, 0, 3). */
    private static final LatencyModel GPU = new BlackboxModel(new double[] {7, 0, 3}, new double[] {100, 1, 2});

    private static long step(double perStep, double perRequest, double post, boolean async) {
        LatencyModel m = new SchedulingOverheadModel(GPU, new SchedulingOverhead(perStep, perRequest, post, async));
        return m.stepTimeUs(TestBatches.mixed());
    }

    @Test
    void stepTimeUs_synchronous_addsCpuScheduleAndPostprocessing() {
        // given 4 scheduled requests, 50 µs per step, 10 µs per request, 30 µs post-processing
        // when / then 804 + (50 + 4·10) + 30 = 924
        assertEquals(924, step(50, 10, 30, false));
    }

    @Test
    void stepTimeUs_asyncGpuBound_cpuScheduleHidden() {
        // given the same costs with async scheduling: CPU 90 µs < GPU 804 µs
        // when / then max(804, 90) + 30 = 834
        assertEquals(834, step(50, 10, 30, true));
    }

    @Test
    void stepTimeUs_asyncCpuBound_cpuScheduleSetsThePace() {
        // given a 1000 µs per-step schedule: CPU 1000 + 4·10 = 1040 µs > GPU 804 µs
        // when / then max(804, 1040) + 30 = 1070
        assertEquals(1_070, step(1_000, 10, 30, true));
    }

    @Test
    void stepTimeUs_fractionalCosts_roundedToNearestMicrosecond() {
        // given 0.4 µs and 0.5 µs per step, 0.125 µs per request (4 requests = 0.5 µs)
        // when / then 804.4 → 804, 804.5 → 805, 804 + 0.5 → 805
        assertEquals(804, step(0.4, 0, 0, false));
        assertEquals(805, step(0.5, 0, 0, false));
        assertEquals(805, step(0, 0.125, 0, false));
    }

    @Test
    void overheads_delegatedToWrappedModel() {
        // given a wrapped blackbox
        LatencyModel m = new SchedulingOverheadModel(GPU, new SchedulingOverhead(50, 10, 30, true));
        // when / then α0 + α1·input = 7, α2 = 3, no post-decode overhead
        assertEquals(7, m.queueingTimeUs(500));
        assertEquals(3, m.outputTokenProcessingTimeUs());
        assertEquals(0, m.postDecodeFixedOverheadUs());
    }

    @Test
    void wrap_noCost_returnsModelItself() {
        // given zero costs, synchronous and async
        // when / then nothing is wrapped, so step times are untouched
        assertSame(GPU, SchedulingOverheadModel.wrap(GPU, SchedulingOverhead.NONE));
        assertSame(GPU, SchedulingOverheadModel.wrap(GPU, new SchedulingOverhead(0, 0, 0, true)));
        assertSame(GPU, SchedulingOverheadModel.wrap(GPU, null));
        assertInstanceOf(SchedulingOverheadModel.class,
                SchedulingOverheadModel.wrap(GPU, new SchedulingOverhead(0, 0, 1, false)));
    }

    @Test
    void constructor_invalidInputs_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> new SchedulingOverhead(-1, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new SchedulingOverhead(0, Double.NaN, 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> new SchedulingOverhead(0, 0, Double.POSITIVE_INFINITY, false));
        assertThrows(IllegalArgumentException.class, () -> new SchedulingOverheadModel(null, SchedulingOverhead.NONE));
        assertThrows(IllegalArgumentException.class, () -> new SchedulingOverheadModel(GPU, null));
    }

    @Test
    void stepTimeUs_repeatedCalls_allocateNothing() {
        // given a wrapped roofline-v2 model and a 31-request batch
        LatencyModel inner = new RooflineV2Model(BlisParityTest.GOLDEN_TEST_MODEL, BlisParityTest.GOLDEN_TEST_GPU, 1,
                new double[3], 0.82, RooflineV2Overheads.NONE);
        LatencyModel m = new SchedulingOverheadModel(inner, new SchedulingOverhead(50, 10, 30, true));
        // when
        long bytes = AllocationProbe.bytesForStepTime(m, TestBatches.many(), 20_000);
        // then
        assertTrue(bytes >= 0 && bytes < 4_096, "allocated " + bytes + " B");
    }

    @Test
    void stepTimeUs_emptyBatch_atLeastOneMicrosecond() {
        // given a 1 µs GPU step (empty roofline batch) and no cost that could round it away
        LatencyModel inner = new RooflineModel(BlisParityTest.GOLDEN_TEST_MODEL, BlisParityTest.GOLDEN_TEST_GPU, 1,
                new double[3]);
        LatencyModel m = new SchedulingOverheadModel(inner, new SchedulingOverhead(0.2, 0, 0, true));
        // when / then max(1, 0.2) + 0 = 1
        assertEquals(1, m.stepTimeUs(new StepBatch()));
    }
}
