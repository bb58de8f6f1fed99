package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A model that {@linkplain LatencyModel#pricesAggregateDecodes() prices decodes in aggregate}
 * must price a batch whose decodes come as a count and a progress sum exactly as the same batch
 * listed request by request: the simulator relies on it to skip steadily decoding requests.
 */
class AggregateDecodePricingTest {
    private static final HardwareConfig H100 = KvCapacityTest.H100;
    /** The shipped H100 kernel-roofline fit (config/coefficients/blis-native-h100.yaml). */
    private static final double[] KERNEL_ALPHA = {6100.9532540993605, 0, 0};
    private static final double[] KERNEL_BETA = {1.082, 1.25, 1.06, 3, 6, 3.85, 40.913739137744955, 200,
        20.9482601606191, 0, 3, 57.600735812786475};

    private static List<LatencyModel> aggregateModels() {
        LatencyModel physics = new TrainedPhysicsModel(KvCapacityTest.LLAMA_31_8B, H100, 1,
                TrainedPhysicsModelTest.ALPHA, TrainedPhysicsModelTest.BETA);
        return List.of(
                new KernelRooflineModel(KvCapacityTest.LLAMA_31_8B, H100, 1, KERNEL_ALPHA, KERNEL_BETA),
                new KernelRooflineModel(KvCapacityTest.MIXTRAL_8X7B, H100, 2, KERNEL_ALPHA, KERNEL_BETA),
                physics,
                new BlackboxModel(new double[] {1, 2, 3}, new double[] {4000, 5.5, 7.25}),
                new SchedulingOverheadModel(physics, new SchedulingOverhead(900, 31.5, 120, true)),
                new SchedulingOverheadModel(physics, new SchedulingOverhead(900, 31.5, 120, false)));
    }

    @Test
    void stepTime_decodesSummarised_pricesAsListed() {
        SplittableRandom random = new SplittableRandom(7);
        for (LatencyModel model : aggregateModels()) {
            assertTrue(model.pricesAggregateDecodes(), model.getClass().getSimpleName());
            for (int trial = 0; trial < 2_000; trial++) {
                // given a random batch of prefill chunks and decodes, listed, and the same with the decodes summarised
                StepBatch listed = new StepBatch();
                StepBatch summarised = new StepBatch();
                int decodes = 0;
                long decodeProgress = 0;
                for (int i = 0, n = 1 + random.nextInt(300); i < n; i++) {
                    int input = 1 + random.nextInt(random.nextBoolean() ? 600 : 60_000);
                    int output = 1 + random.nextInt(4_000);
                    if (random.nextInt(5) == 0) {
                        int progress = random.nextInt(input);
                        int chunk = 1 + random.nextInt(input - progress);
                        listed.add(progress, chunk, input, output);
                        summarised.add(progress, chunk, input, output);
                    } else {
                        int progress = input + random.nextInt(output);
                        listed.add(progress, 1, input, output);
                        if (random.nextInt(4) == 0) {
                            summarised.add(progress, 1, input, output);
                        } else {
                            decodes++;
                            decodeProgress += progress;
                        }
                    }
                }
                summarised.addAggregateDecodes(decodes, decodeProgress);
                // when / then both are priced alike, to the microsecond
                assertEquals(listed.size(), summarised.requests());
                assertEquals(model.stepTimeUs(listed), model.stepTimeUs(summarised),
                        model.getClass().getSimpleName() + " trial " + trial);
            }
        }
    }

    @Test
    void pricesAggregateDecodes_perRequestModels_decline() {
        // given the roofline models, whose decode cost is a per-request function of its context
        ModelConfig llama = KvCapacityTest.LLAMA_31_8B;
        // when / then they keep the batch listed
        assertFalse(new RooflineModel(llama, H100, 1, new double[3]).pricesAggregateDecodes());
        assertFalse(new SchedulingOverheadModel(new RooflineModel(llama, H100, 1, new double[3]),
                new SchedulingOverhead(1, 1, 1, false)).pricesAggregateDecodes());
    }
}
