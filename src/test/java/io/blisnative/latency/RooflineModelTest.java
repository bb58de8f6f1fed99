package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.StepBatch;
import org.junit.jupiter.api.Test;

class RooflineModelTest {

    private static final ModelConfig GOLDEN = BlisParityTest.GOLDEN_TEST_MODEL;
    private static final HardwareConfig GOLDEN_GPU = BlisParityTest.GOLDEN_TEST_GPU;
    private static final double[] NO_ALPHA = new double[3];

    private static StepBatch oneDecodeAt1000() {
        StepBatch b = new StepBatch();
        b.add(1000, 1, 500, 600);
        return b;
    }

    @Test
    void stepTimeUs_singleDecode_isWeightBandwidthBound() {
        // given BLIS's golden-test model (L32 d4096 H32 Hkv8, I=0 so the MLP is 4d wide) at TP1 and one decode
        // at progress 1000
        // weights: per layer d(d+2·dKV) + d² = 41,943,040 and 2·d·4d = 134,217,728 → ·32·2 B = 11,274,289,152 B
        // KV and activations: 131,072 B per token (written once, read 1000 times) + 32·4096·2 = 262,144
        //   → 131,465,216 B; memory time (11,274,289,152 + 131,465,216) / 3.35e12 = 3,404.70 µs
        // compute: 11,803,959,296 FLOPs / (989e12 · 0.30) = 39.78 µs, so memory wins
        RooflineModel model = new RooflineModel(GOLDEN, GOLDEN_GPU, 1, NO_ALPHA);
        // when / then
        assertEquals(3_404, model.stepTimeUs(oneDecodeAt1000()));
    }

    @Test
    void stepTimeUs_intermediate16384SameAsUnsetIntermediate() {
        // given the golden-test model with I unset (→ 4d) and with I = 16384 = 4·4096 written out
        ModelConfig explicit = GOLDEN.toBuilder().intermediateDim(16_384).build();
        for (int tp : new int[] {1, 2, 4}) {
            RooflineModel unset = new RooflineModel(GOLDEN, GOLDEN_GPU, tp, NO_ALPHA);
            RooflineModel written = new RooflineModel(explicit, GOLDEN_GPU, tp, NO_ALPHA);
            for (String batch : new String[] {"mixed", "prefill", "decode", "many"}) {
                // when / then
                assertEquals(unset.stepTimeUs(TestBatches.named(batch)), written.stepTimeUs(TestBatches.named(batch)),
                        batch + " tp" + tp);
            }
        }
    }

    @Test
    void stepTimeUs_moeDecode_loadsOnlyExpectedExperts() {
        // given Mixtral (8 experts, 2 per token) on one H100 and one decode at progress 1000
        // one token touches E·(1 − ((E−k)/E)^1) = 8·(1 − 6/8) = 2 experts: MLP weights 2·d·14336·2·32 layers,
        // total (1,342,177,280 + 7,516,192,768)·2 B = 17,716,740,096 B, plus the same 131,465,216 B of KV and
        // activations → 17,848,205,312 / 3.35e12 = 5,327.82 µs
        RooflineModel model = new RooflineModel(KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.H100, 1, NO_ALPHA);
        // when / then
        assertEquals(5_327, model.stepTimeUs(oneDecodeAt1000()));
    }

    @Test
    void stepTimeUs_fp8WeightsOnFp8Gpu_useFp8Peak() {
        // given a prefill-heavy (compute-bound) step for Llama-3.1-8B at bf16 and with 1-byte weights
        ModelConfig fp8 = KvCapacityTest.LLAMA_31_8B.toBuilder().weightBytesPerParam(1.0).build();
        long bf16 = new RooflineModel(KvCapacityTest.LLAMA_31_8B, KvCapacityTest.H100, 1, NO_ALPHA)
                .stepTimeUs(TestBatches.prefill());
        // when
        long fp8Time = new RooflineModel(fp8, KvCapacityTest.H100, 1, NO_ALPHA).stepTimeUs(TestBatches.prefill());
        // then the H100's 1979 TFLOP/s FP8 rate halves compute time (BLIS figure 49,409 µs at bf16)
        assertEquals(49_409, bf16);
        assertEquals(bf16 / 2, fp8Time, 1);
    }

    @Test
    void stepTimeUs_emptyOrNoWork_isOneMicrosecond() {
        // given an empty batch and one whose only request has nothing to generate
        RooflineModel model = new RooflineModel(GOLDEN, GOLDEN_GPU, 1, NO_ALPHA);
        // when / then the clock still advances
        assertEquals(1, model.stepTimeUs(new StepBatch()));
        assertEquals(1, model.stepTimeUs(TestBatches.noOutput()));
    }

    @Test
    void overheads_goldenDatasetAlphas_queueingScalesWithInputOthersFixed() {
        // given the alphas of goldendataset.json case 1
        double[] alpha = {232.46191091038054, 1.752360364195244, 3357.4400353290152};
        RooflineModel model = new RooflineModel(GOLDEN, GOLDEN_GPU, 1, alpha);
        // when / then queueing = trunc(232.4619 + 1.75236·354) = trunc(852.797) = 852 (BLIS gives 852)
        assertEquals(852, model.queueingTimeUs(354));
        assertEquals(3_357, model.outputTokenProcessingTimeUs());
        assertEquals(0, model.postDecodeFixedOverheadUs());
    }

    @Test
    void constructor_invalidInputs_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> new RooflineModel(GOLDEN, GOLDEN_GPU, 0, NO_ALPHA));
        assertThrows(IllegalArgumentException.class, () -> new RooflineModel(GOLDEN, GOLDEN_GPU, 1, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new RooflineModel(GOLDEN, GOLDEN_GPU, 1, new double[] {0, -1, 0}));
        HardwareConfig noMfu = new HardwareConfig(989.0, 0, 3.35, 0, 0.30, 0);
        assertThrows(IllegalArgumentException.class, () -> new RooflineModel(GOLDEN, noMfu, 1, NO_ALPHA));
    }

    @Test
    void stepTimeUs_repeatedCalls_allocateNothing() {
        // given dense and MoE models and a 31-request batch
        RooflineModel dense = new RooflineModel(GOLDEN, GOLDEN_GPU, 2, NO_ALPHA);
        RooflineModel moe = new RooflineModel(KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.H100, 2, NO_ALPHA);
        // when
        long denseBytes = AllocationProbe.bytesForStepTime(dense, TestBatches.many(), 20_000);
        long moeBytes = AllocationProbe.bytesForStepTime(moe, TestBatches.many(), 20_000);
        // then (a single object per call would be ≥ 320 kB)
        assertTrue(denseBytes >= 0 && denseBytes < 4_096, "dense allocated " + denseBytes + " B");
        assertTrue(moeBytes >= 0 && moeBytes < 4_096, "MoE allocated " + moeBytes + " B");
    }
}
