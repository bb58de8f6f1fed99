package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.StepBatch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainedPhysicsModelTest {

    static final double[] ALPHA = {15563.199579, 777.3455, 45.907545};
    static final double[] BETA = {0.152128, 0.0, 1.36252915, 0.752037, 32.09546717, 4.41684444, 126.024825,
        481.8613888, 0.0, 1.94710771, 0.752037};
    private static final ModelConfig LLAMA_8B = KvCapacityTest.LLAMA_31_8B;
    private static final ModelConfig MIXTRAL = KvCapacityTest.MIXTRAL_8X7B;
    private static final HardwareConfig H100 = KvCapacityTest.H100;

    private static StepBatch oneDecodeAt1000() {
        StepBatch b = new StepBatch();
        b.add(1000, 1, 500, 600);
        return b;
    }

    @Test
    void stepTimeUs_denseSingleDecodeTp1_sumsScaledBasisTerms() {
        // given Llama-3.1-8B on one H100 (F = 989.5e6 FLOP/µs, BW = 3.35e6 B/µs), iter29 betas, one decode at 1000
        // decode compute (β2a = 0): irrelevant
        // decode KV = L·2·dKV·2 B·(C + D) / BW = 32·2·1024·2·1001 / 3.35e6 = 39.1651 µs; ·β2b 1.94710771 = 76.2587
        // weights = [L·d(2d + 2dKV) + L·3·d·I]·2 B / BW = 13,958,643,712 / 3.35e6 = 4,166.7593 µs; ·β3 = 5,677.3310
        // no TP traffic; β5·L = 32.09546717·32 = 1,027.0549; β6·1 request = 4.4168; β7 = 126.0248; dense → no β8
        // step = 6,911.086 → 6,911 µs
        TrainedPhysicsModel model = new TrainedPhysicsModel(LLAMA_8B, H100, 1, ALPHA, BETA);
        // when / then
        assertEquals(6_911, model.stepTimeUs(oneDecodeAt1000()));
    }

    @Test
    void overheads_iter29Alphas_mapToQueueingPostDecodeAndPerToken() {
        // given the iter29 alphas: α0 queueing (no per-token term), α1 post-decode, α2 per output token
        TrainedPhysicsModel model = new TrainedPhysicsModel(LLAMA_8B, H100, 1, ALPHA, BETA);
        // when / then all truncated toward zero
        assertEquals(15_563, model.queueingTimeUs(10));
        assertEquals(15_563, model.queueingTimeUs(100_000));
        assertEquals(777, model.postDecodeFixedOverheadUs());
        assertEquals(45, model.outputTokenProcessingTimeUs());
    }

    @Test
    void stepTimeUs_betaCountVariants_matchBlis() {
        // given 8 betas (prefill and decode use β·max(compute, KV)) and 9 betas (prefill split into two terms);
        // figures from BLIS's own TrainedPhysicsModel on the mixed batch
        double[] eight = {0.9, 0.8, 1.1, 0.5, 30, 4, 120, 400};
        double[] nine = Arrays.copyOf(eight, 9);
        nine[8] = 0.7;
        // when / then
        assertEquals(14_908, new TrainedPhysicsModel(LLAMA_8B, H100, 1, new double[3], eight)
                .stepTimeUs(TestBatches.mixed()));
        assertEquals(8_066, new TrainedPhysicsModel(LLAMA_8B, H100, 2, new double[3], nine)
                .stepTimeUs(TestBatches.mixed()));
        ModelConfig scout = ModelConfig.builder().shape(48, 5120, 40, 8).intermediateDim(8192).vocabSize(202048)
                .bytesPerParam(2).weightBytesPerParam(1.0).headDim(128).moe(16, 1, 0, 0).interleave(1, 16384)
                .hiddenAct("silu").build();
        // interleaved MoE (Scout) also pays β8·24 MoE layers
        assertEquals(24_715, new TrainedPhysicsModel(scout, H100, 2, new double[3], eight)
                .stepTimeUs(TestBatches.mixed()));
    }

    @Test
    void stepTimeUs_sevenBetas_sameAsEightWithZeroMoeTerm() {
        // given 7 betas and the same 7 plus β8 = 0
        double[] seven = {0.9, 0.8, 1.1, 0.5, 30, 4, 120};
        double[] eight = Arrays.copyOf(seven, 8);
        TrainedPhysicsModel a = new TrainedPhysicsModel(MIXTRAL, H100, 2, new double[3], seven);
        TrainedPhysicsModel b = new TrainedPhysicsModel(MIXTRAL, H100, 2, new double[3], eight);
        // when / then
        assertEquals(b.stepTimeUs(TestBatches.mixed()), a.stepTimeUs(TestBatches.mixed()));
    }

    @Test
    void stepTimeUs_moeWithTwoDataParallelRanks_chargesDispatchByBackend() {
        // given Mixtral on TP2 × DP2 with zero alphas: figures from BLIS for vLLM's default all-gather backend
        // (hidden states once per phase) and a DeepEP all-to-all backend (once per routed expert, k = 2)
        TrainedPhysicsModel allGather = new TrainedPhysicsModel(MIXTRAL, H100, 2, 2, MoeCommBackend.DEFAULT,
                new double[3], BETA);
        TrainedPhysicsModel allToAll = new TrainedPhysicsModel(MIXTRAL, H100, 2, 2,
                MoeCommBackend.fromVllmName("deepep_low_latency"), new double[3], BETA);
        // when / then
        assertEquals(11_654, allGather.stepTimeUs(TestBatches.mixed()));
        assertEquals(11_685, allToAll.stepTimeUs(TestBatches.mixed()));
    }

    @Test
    void stepTimeUs_emptyBatch_isOneMicrosecond() {
        // given
        TrainedPhysicsModel model = new TrainedPhysicsModel(LLAMA_8B, H100, 1, ALPHA, BETA);
        // when / then
        assertEquals(1, model.stepTimeUs(new StepBatch()));
    }

    @Test
    void constructor_invalidShapeOrCoefficients_rejectedNamingTheProblem() {
        // given / when / then
        assertMessage("divisible by TP (3)", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 3, ALPHA, BETA));
        ModelConfig fourKv = LLAMA_8B.toBuilder().shape(32, 4096, 32, 4).build();
        assertMessage("num_key_value_heads (4)", () -> new TrainedPhysicsModel(fourKv, H100, 8, ALPHA, BETA));
        assertMessage("tp must be > 0", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 0, ALPHA, BETA));
        assertMessage("beta needs 7 to 11", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 1, ALPHA, new double[6]));
        assertMessage("beta needs 7 to 11", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 1, ALPHA, new double[12]));
        double[] nan = BETA.clone();
        nan[4] = Double.NaN;
        assertMessage("beta[4]", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 1, ALPHA, nan));
        assertMessage("alpha[1]", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 1, new double[] {1, -2, 3}, BETA));
        ModelConfig noMlp = LLAMA_8B.toBuilder().intermediateDim(0).build();
        assertMessage("intermediate_size", () -> new TrainedPhysicsModel(noMlp, H100, 1, ALPHA, BETA));
        assertMessage("dp > 1", () -> new TrainedPhysicsModel(LLAMA_8B, H100, 1, 2, MoeCommBackend.DEFAULT,
                ALPHA, BETA));
        assertMessage("unknown MoE comm backend 'nccl'", () -> MoeCommBackend.fromVllmName("nccl"));
    }

    @Test
    void stepTimeUs_repeatedCalls_allocateNothing() {
        // given an MoE model on TP2 × DP2, every term active
        TrainedPhysicsModel model = new TrainedPhysicsModel(MIXTRAL, H100, 2, 2, MoeCommBackend.PPLX, ALPHA, BETA);
        // when
        long bytes = AllocationProbe.bytesForStepTime(model, TestBatches.many(), 20_000);
        // then
        assertTrue(bytes >= 0 && bytes < 4_096, "allocated " + bytes + " B");
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
