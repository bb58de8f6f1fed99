package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.StepBatch;
import org.junit.jupiter.api.Test;

/**
 * Figures computed by hand (a short Python transcription of the formulas in the class javadoc) for
 * Llama-2-7B (32 layers, d 4096, 32 heads and KV heads, MLP 11008, vocab 32000) and Mixtral-8x7B on
 * the H100 (989.5 TFLOP/s, 3.35 TB/s), each term isolated by zeroing the other betas.
 */
class KernelRooflineModelTest {
    static final ModelConfig LLAMA_2_7B = ModelConfig.builder().shape(32, 4096, 32, 32).intermediateDim(11008)
            .vocabSize(32000).bytesPerParam(2).hiddenAct("silu").build();
    private static final ModelConfig MIXTRAL = KvCapacityTest.MIXTRAL_8X7B;
    private static final HardwareConfig H100 = KvCapacityTest.H100;
    private static final double[] NO_ALPHA = new double[3];
    private static final double HARD_MAX = 1e9;

    private static KernelRooflineModel model(ModelConfig m, int tp, double... beta) {
        return new KernelRooflineModel(m, H100, tp, NO_ALPHA, beta);
    }

    private static StepBatch decodes(int count, int progress) {
        StepBatch b = new StepBatch();
        for (int i = 0; i < count; i++) {
            b.add(progress, 1, 500, 600);
        }
        return b;
    }

    @Test
    void stepTime_oneDecode_weightsKvAndLmHeadAtPeakBandwidth() {
        // given unit factors and a hard roofline max: weights 404.75 MB per layer (120.82 µs), KV 1000 tokens
        // x 16 KiB per layer (4.89 µs), lm_head 262.1 MB (78.25 µs)
        KernelRooflineModel m = model(LLAMA_2_7B, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, HARD_MAX, 0);
        // when / then 32 x (120.82 + 4.89) + 78.25 = 4101.03 µs, truncated
        assertEquals(4101, m.stepTimeUs(decodes(1, 1000)));
    }

    @Test
    void stepTime_prefillChunk_blendsMemoryAndComputeByThePNorm() {
        // given a 512-token prefill, weights and GEMM FLOPs only (attention factors 0), exponent 2
        StepBatch b = new StepBatch();
        b.add(0, 512, 512, 10);
        KernelRooflineModel m = model(LLAMA_2_7B, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0);
        // when / then 32 x sqrt(120.82^2 + 209.44^2) + lm_head sqrt(78.25^2 + 0.26^2) = 7815.3 µs
        assertEquals(7815, m.stepTimeUs(b));
    }

    @Test
    void stepTime_prefillAttention_causalPairsTimesFourHeadFlops() {
        // given only the attention compute factor: 512 x 256 query-key pairs x 4 x 32 heads x 128 per layer
        StepBatch b = new StepBatch();
        b.add(0, 512, 512, 10);
        KernelRooflineModel m = model(LLAMA_2_7B, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 0);
        // when / then 32 x 2.147 GFLOP / 989.5 TFLOP/s = 69.45 µs
        assertEquals(69, m.stepTimeUs(b));
    }

    @Test
    void stepTime_tp2AllReduce_latencyTimesLog2PlusRingTraffic() {
        // given 5 µs per all-reduce per log2(TP), 4 µs per MB; 10 decodes at TP 2: ring traffic 10 x 8192 B
        KernelRooflineModel m = model(LLAMA_2_7B, 2, 0, 0, 0, 0, 5, 4, 0, 0, 0, 0, 3, 0);
        // when / then 32 layers x 2 x (5 + 4 x 0.08192) = 340.97 µs
        assertEquals(340, m.stepTimeUs(decodes(10, 100)));
        assertEquals(1, model(LLAMA_2_7B, 1, 0, 0, 0, 0, 5, 4, 0, 0, 0, 0, 3, 0).stepTimeUs(decodes(10, 100)),
                "no all-reduce at TP 1; a step lasts at least 1 µs");
    }

    @Test
    void stepTime_fixedCosts_perLayerStepRequestAndMoeLayer() {
        // given 40 µs per layer, 300 per step, 10 per request, 25 per MoE layer; nothing else
        KernelRooflineModel dense = model(LLAMA_2_7B, 1, 0, 0, 0, 0, 0, 0, 40, 300, 10, 25, 3, 0);
        KernelRooflineModel moe = model(MIXTRAL, 2, 0, 0, 0, 0, 0, 0, 40, 300, 10, 25, 3, 0);
        // when / then dense: 32 x 40 + 300 + 7 x 10; MoE: + 32 x 25
        assertEquals(1650, dense.stepTimeUs(decodes(7, 10)));
        assertEquals(2450, moe.stepTimeUs(decodes(7, 10)));
    }

    @Test
    void stepTime_mixtralTenTokens_streamsOnlyTouchedExperts() {
        // given weights only: 10 tokens touch 8 x (1 - 0.75^10) = 7.549 of 8 experts (TP 2 shards them)
        KernelRooflineModel m = model(MIXTRAL, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0);
        // when / then 32 x (attention 25.17 MB + 7.549 x 176.2 MB) / BW + lm_head 131.1 MB / BW = 13143.5 µs
        assertEquals(13143, m.stepTimeUs(decodes(10, 0)));
    }

    @Test
    void firstTokenDelivery_perRequestOfTheStep_truncated() {
        // given 57.5 µs per request
        KernelRooflineModel m = new KernelRooflineModel(LLAMA_2_7B, H100, 1, new double[] {5600.9, 0, 0},
                new double[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 3, 57.5});
        // when / then
        assertEquals(575, m.firstTokenDeliveryUs(10));
        assertEquals(5600, m.queueingTimeUs(100));
        assertEquals(0, m.outputTokenProcessingTimeUs());
        assertEquals(1, m.stepTimeUs(new StepBatch()));
    }

    @Test
    void constructor_badCoefficientsOrShape_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> model(LLAMA_2_7B, 1, 1, 1, 1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> model(LLAMA_2_7B, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0.5, 0));
        assertTrue(e.getMessage().contains("beta[10]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model(LLAMA_2_7B, 3, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> model(LLAMA_2_7B, 1, -1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 3, 0));
    }

    @Test
    void stepTime_countsSeenBefore_sameAsAFreshModel() {
        // given a dense and an MoE model pricing decode batches and prefill chunks in a scrambled order
        double[] beta = {1.08, 1.25, 1.06, 3, 5, 3.85, 45, 150, 10, 15, 2.7, 50};
        for (ModelConfig config : new ModelConfig[] {LLAMA_2_7B, MIXTRAL}) {
            KernelRooflineModel warm = model(config, 2, beta);
            for (int round = 0; round < 2; round++) {
                for (int k = 0; k < 300; k++) {
                    int n = 1 + (k * 37 + round * 101) % 300;
                    StepBatch b = decodes(n, 700);
                    b.add(100, 3 * n, 2000, 10);
                    // when / then remembered GEMM terms give the step time computed from scratch
                    assertEquals(model(config, 2, beta).stepTimeUs(b), warm.stepTimeUs(b), "n " + n);
                }
            }
        }
    }

    @Test
    void stepTime_hotPath_allocatesNothing() {
        // given the MoE model (expert coverage uses Math.pow) and a mixed batch
        KernelRooflineModel m = model(MIXTRAL, 2, 1.08, 1.25, 1.06, 3, 5, 3.85, 45, 150, 10, 15, 3, 50);
        // when
        long bytes = AllocationProbe.bytesForStepTime(m, TestBatches.many(), 20_000);
        // then
        assertTrue(bytes <= 0, "allocated " + bytes + " bytes");
    }
}
