package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.LatencyModel;
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
        assertMessage("unknown latency model 'vidur' (valid: blackbox, roofline, trained-physics)",
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

    private static void assertMessage(String fragment, LatencyConfig config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyModels.create(config));
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
