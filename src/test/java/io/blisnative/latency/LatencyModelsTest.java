package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;
import org.junit.jupiter.api.Test;

class LatencyModelsTest {

    private static final ModelConfig LLAMA_8B = KvCapacityTest.LLAMA_31_8B;
    private static final HardwareConfig H100 = KvCapacityTest.H100;
    private static final double[] ALPHA = TrainedPhysicsModelTest.ALPHA;
    private static final double[] BETA = TrainedPhysicsModelTest.BETA;

    @Test
    void create_eachName_buildsThatModel() {
        // given one config per name
        LatencyConfig roofline = new LatencyConfig("roofline", null, null, LLAMA_8B, H100, 1);
        LatencyConfig physics = new LatencyConfig("trained-physics", ALPHA, BETA, LLAMA_8B, H100, 1);
        LatencyConfig blackbox = new LatencyConfig("blackbox", new double[] {1, 2, 3}, new double[] {4, 5, 6}, null,
                null, 1);
        // when
        LatencyModel r = LatencyModels.create(roofline);
        LatencyModel p = LatencyModels.create(physics);
        LatencyModel b = LatencyModels.create(blackbox);
        // then roofline without alphas has no overheads; the others map their alphas
        assertInstanceOf(RooflineModel.class, r);
        assertEquals(0, r.queueingTimeUs(1_000));
        assertEquals(0, r.outputTokenProcessingTimeUs());
        assertInstanceOf(TrainedPhysicsModel.class, p);
        assertEquals(777, p.postDecodeFixedOverheadUs());
        assertInstanceOf(BlackboxModel.class, b);
        assertEquals(4 + 5 * 700 + 6 * 2, b.stepTimeUs(TestBatches.mixed()));
    }

    @Test
    void create_invalidConfigs_rejectedNamingTheProblem() {
        // given / when / then
        assertMessage("unknown latency model 'vidur' (valid: blackbox, kernel-roofline, roofline, roofline-v2, trained-physics)",
                new LatencyConfig("vidur", null, null, LLAMA_8B, H100, 1));
        assertMessage("roofline takes no beta", new LatencyConfig("roofline", null, BETA, LLAMA_8B, H100, 1));
        assertMessage("roofline needs a model config", new LatencyConfig("roofline", null, null, null, H100, 1));
        assertMessage("trained-physics needs a hardware config",
                new LatencyConfig("trained-physics", ALPHA, BETA, LLAMA_8B, null, 1));
        assertMessage("beta needs 7 to 11", new LatencyConfig("trained-physics", ALPHA, new double[3], LLAMA_8B,
                H100, 1));
        assertMessage("beta needs 3", new LatencyConfig("blackbox", ALPHA, BETA, null, null, 1));
        assertMessage("alpha[0]", new LatencyConfig("roofline", new double[] {Double.NaN, 0, 0}, null, LLAMA_8B,
                H100, 1));
        assertMessage("num_attention_heads (32) must be divisible by TP (3)",
                new LatencyConfig("roofline", null, null, LLAMA_8B, H100, 3));
        assertThrows(IllegalArgumentException.class, () -> new LatencyConfig("roofline", null, null, LLAMA_8B, H100, 0));
    }

    @Test
    void create_kvHeadsFewerThanTp_rooflineAcceptsTrainedPhysicsRejects() {
        // given 8 KV heads on 16 GPUs: vLLM replicates each KV head on two GPUs
        LatencyConfig roofline = new LatencyConfig("roofline", null, null, LLAMA_8B, H100, 16);
        LatencyConfig physics = new LatencyConfig("trained-physics", ALPHA, BETA, LLAMA_8B, H100, 16);
        // when / then roofline prices it, trained-physics (as in BLIS) needs KV heads divisible by TP
        assertTrue(LatencyModels.create(roofline).stepTimeUs(TestBatches.mixed()) > 0);
        assertMessage("num_key_value_heads (8) must be divisible by TP (16)", physics);
    }

    @Test
    void create_rooflineV2_buildsV2WithEfficiencyAndOverheads() {
        // given roofline-v2 with the H100 efficiency and a 1000 µs step overhead on one decode
        RooflineV2Overheads overheads = new RooflineV2Overheads(1_000, 0, 0, 0);
        LatencyConfig v2 = new LatencyConfig("roofline-v2", null, null, LLAMA_8B, H100, 1, 0.82, overheads, null);
        StepBatch b = new StepBatch();
        b.add(1000, 1, 500, 600);
        // when
        LatencyModel m = LatencyModels.create(v2);
        // then it is the direct model with the same figure as built by hand
        assertInstanceOf(RooflineV2Model.class, m);
        assertEquals(new RooflineV2Model(LLAMA_8B, H100, 1, new double[3], 0.82, overheads).stepTimeUs(b),
                m.stepTimeUs(b));
        assertMessage("roofline-v2 takes no beta",
                new LatencyConfig("roofline-v2", null, BETA, LLAMA_8B, H100, 1, 0.82, overheads, null));
    }

    @Test
    void create_rooflineV2OptionsOnOtherModels_rejected() {
        // given a bandwidth efficiency or an overhead with roofline, trained-physics and blackbox
        RooflineV2Overheads overheads = new RooflineV2Overheads(0, 0, 0, 20);
        // when / then
        assertMessage("bandwidth efficiency applies only to roofline-v2, not roofline",
                new LatencyConfig("roofline", null, null, LLAMA_8B, H100, 1, 0.82, null, null));
        assertMessage("apply only to roofline-v2, not trained-physics",
                new LatencyConfig("trained-physics", ALPHA, BETA, LLAMA_8B, H100, 2, 1.0, overheads, null));
        assertMessage("apply only to roofline-v2, not blackbox", new LatencyConfig("blackbox", new double[3],
                new double[3], null, null, 1, 1.0, overheads, null));
    }

    @Test
    void create_defaultOptions_everyExistingModelUnchanged() {
        // given each pre-existing model built from the short config and with every new option at its default,
        // including async scheduling with zero costs
        SchedulingOverhead asyncZero = new SchedulingOverhead(0, 0, 0, true);
        for (LatencyConfig base : existingModels(1)) {
            LatencyConfig explicit = new LatencyConfig(base.name(), base.alpha(), base.beta(), base.model(),
                    base.hardware(), base.tp(), 1.0, RooflineV2Overheads.NONE, asyncZero);
            // when
            LatencyModel a = LatencyModels.create(base);
            LatencyModel b = LatencyModels.create(explicit);
            // then the same unwrapped class and the same step time on every batch
            assertEquals(a.getClass(), b.getClass(), base.name());
            for (String batch : new String[] {"mixed", "prefill", "decode", "noOut", "many"}) {
                assertEquals(a.stepTimeUs(TestBatches.named(batch)), b.stepTimeUs(TestBatches.named(batch)),
                        base.name() + " " + batch);
            }
        }
    }

    @Test
    void create_schedulingOverhead_wrapsEveryModel() {
        // given 100 µs per step and 10 µs per request, synchronous, on every model
        SchedulingOverhead cpu = new SchedulingOverhead(100, 10, 0, false);
        for (LatencyConfig base : existingModels(1)) {
            LatencyConfig wrapped = new LatencyConfig(base.name(), base.alpha(), base.beta(), base.model(),
                    base.hardware(), base.tp(), 1.0, null, cpu);
            // when
            long plain = LatencyModels.create(base).stepTimeUs(TestBatches.mixed());
            long withCpu = LatencyModels.create(wrapped).stepTimeUs(TestBatches.mixed());
            // then 4 requests: + 100 + 4·10 = 140 µs
            assertEquals(plain + 140, withCpu, base.name());
        }
    }

    private static LatencyConfig[] existingModels(int tp) {
        return new LatencyConfig[] {
            new LatencyConfig("roofline", null, null, LLAMA_8B, H100, tp),
            new LatencyConfig("trained-physics", ALPHA, BETA, LLAMA_8B, H100, tp),
            new LatencyConfig("blackbox", new double[] {1, 2, 3}, new double[] {4, 5, 6}, null, null, tp)};
    }

    private static void assertMessage(String fragment, LatencyConfig config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyModels.create(config));
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
