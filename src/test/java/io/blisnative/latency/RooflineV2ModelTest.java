package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.StepBatch;
import org.junit.jupiter.api.Test;

/**
 * Figures worked by hand from spec §3.4 on BLIS's golden-test model (L32 d4096 H32 Hkv8, MLP 4d wide,
 * 2-byte weights; weights 11,274,289,152 B) and GPU (989 TFLOP/s, 3.35 TB/s, MFU 0.55 prefill / 0.30 decode).
 * Per request: KV 131,072 B per token read or written and 262,144 B of activations per new token.
 */
class RooflineV2ModelTest {

    private static final ModelConfig GOLDEN = BlisParityTest.GOLDEN_TEST_MODEL;
    private static final HardwareConfig GOLDEN_GPU = BlisParityTest.GOLDEN_TEST_GPU;
    private static final double[] NO_ALPHA = new double[3];
    private static final RooflineV2Overheads SEED = new RooflineV2Overheads(5_000, 30_000, 15_000, 0);

    private static RooflineV2Model model(int tp, double efficiency, RooflineV2Overheads overheads) {
        return new RooflineV2Model(GOLDEN, GOLDEN_GPU, tp, NO_ALPHA, efficiency, overheads);
    }

    /** One prefill chunk of {@code prefillTokens} at the start of its prompt plus {@code decodes} decodes. */
    private static StepBatch prefillAndDecodes(int prefillTokens, int decodes) {
        StepBatch b = new StepBatch();
        b.add(0, prefillTokens, 1_000, 10);
        for (int i = 0; i < decodes; i++) {
            b.add(100 + 10 * i, 1, 50, 500);
        }
        return b;
    }

    @Test
    void stepTimeUs_singleDecodeAtH100Efficiency_memoryTimeDividedBy082() {
        // given one decode at progress 1000: weights + 131,072·1001 + 262,144 = 11,405,754,368 B
        StepBatch b = new StepBatch();
        b.add(1000, 1, 500, 600);
        // when
        long v2 = model(1, 0.82, RooflineV2Overheads.NONE).stepTimeUs(b);
        // then 11,405,754,368 / (3.35e12 · 0.82) = 4,152.08 µs, rounded; roofline at peak gives 3,404
        assertEquals(4_152, v2);
    }

    @Test
    void stepTimeUs_threeDecodesWithStepOverhead_overheadScaledByLog2OfHalfBatch() {
        // given 3 decodes (progress 1000, 4000, 77): bytes 11,274,289,152 + 131,072·5,080 + 3·262,144
        // = 11,940,921,344 → 3,564.45 µs (compute 123 µs); T = 1000 µs
        RooflineV2Model model = model(1, 1.0, new RooflineV2Overheads(1_000, 0, 0, 0));
        // when
        long step = model.stepTimeUs(TestBatches.decode());
        // then n = 3 > 2: T·(1 + 0.15·log2(1.5)·(0.3 + 2·3/3)) = 1000·(1 + 0.15·0.58496·2.3) = 1,201.81 µs;
        // 3,564.45 + 1,201.81 = 4,766.27 → 4,766
        assertEquals(4_766, step);
    }

    @Test
    void stepTimeUs_mixedPrefillDominated_blends075And025() {
        // given TestBatches.mixed(): prefills (0+512, 512+188) and decodes at 900 and 301
        // prefill compute: 5,841,825,300,480 + 2,179,880,273,920 FLOPs / (989e12·0.55) = 10,739.64 + 4,007.50
        //   = 14,747.14 µs > memory 3,467.66 µs
        // decode memory: (11,274,289,152 + 118,358,016 + 39,845,888) / 3.35e12 = 3,412.68 µs > compute 78 µs
        // 700 prefill tokens > 4·2 decode tokens and > 100
        RooflineV2Model model = model(1, 1.0, RooflineV2Overheads.NONE);
        // when
        long step = model.stepTimeUs(TestBatches.mixed());
        // then 0.75·14,747.14 + 0.25·3,412.68 = 11,913.52 → 11,914
        assertEquals(11_914, step);
    }

    @Test
    void stepTimeUs_mixedWithSeedOverheadsTp2_addsAllThreeOverheadTerms() {
        // given the mixed batch at TP2, efficiency 0.82, the seed study's overheads and a 20 µs all-reduce
        // prefill: compute 7,373.57 µs (half of TP1); decode: memory 2,080.91 µs
        // blend 0.75·7,373.57 + 0.25·2,080.91 = 6,050.40 µs
        RooflineV2Overheads overheads = new RooflineV2Overheads(5_000, 30_000, 15_000, 20);
        // when
        long step = model(2, 0.82, overheads).stepTimeUs(TestBatches.mixed());
        // then + 32 layers·2·20 = 1,280 (all-reduce) + 5000·(1 + 0.15·log2(2)·(0.3 + 2·2/4)) = 5,975 (step)
        // + 2 prefills · 15,000 (mixed) = 30,000 → 43,305.40 → 43,305
        assertEquals(43_305, step);
    }

    @Test
    void stepTimeUs_decodeDominated_blends035And065() {
        // given a 20-token prefill and 60 decodes (progress 100, 110, ..., 690; Σ 23,700)
        // prefill: memory (11,274,289,152 + 131,072·20 + 262,144·20) / 3.35e12 = 3,367.81 µs (compute 414.73 µs)
        // decode: memory (11,274,289,152 + 131,072·(23,700 + 60) + 60·262,144) / 3.35e12 = 4,299.79 µs
        // 60 decode tokens > 2·20 and > 50
        // when
        long step = model(1, 1.0, RooflineV2Overheads.NONE).stepTimeUs(prefillAndDecodes(20, 60));
        // then 0.35·3,367.81 + 0.65·4,299.79 = 3,973.59 → 3,974
        assertEquals(3_974, step);
    }

    @Test
    void stepTimeUs_balancedMix_weightsByTokens() {
        // given a 30-token prefill and 10 decodes (progress 100..190, Σ 1,450): neither rule fires
        // prefill 3,368.98 µs (memory), decode 3,423.37 µs (memory)
        // when
        long step = model(1, 1.0, RooflineV2Overheads.NONE).stepTimeUs(prefillAndDecodes(30, 10));
        // then 30/40·3,368.98 + 10/40·3,423.37 = 3,382.58 → 3,383
        assertEquals(3_383, step);
    }

    @Test
    void stepTimeUs_prefillOnlyWithSeedOverheads_perPrefillOverheadAndUnscaledStepOverhead() {
        // given one 2048-token prefill: 24,199,987,986,432 FLOPs / (989e12·0.55) = 44,489.36 µs (compute-bound)
        // when
        long step = model(1, 0.82, SEED).stepTimeUs(TestBatches.prefill());
        // then n = 1 ≤ 2 so T = 5,000 unscaled, plus 1 · 30,000 prefill-only overhead: 79,489.36 → 79,489
        assertEquals(79_489, step);
    }

    @Test
    void stepTimeUs_allReduceAtTp1_notCharged() {
        // given TP1 and a 20 µs all-reduce
        RooflineV2Model withAllReduce = model(1, 1.0, new RooflineV2Overheads(0, 0, 0, 20));
        RooflineV2Model without = model(1, 1.0, RooflineV2Overheads.NONE);
        // when / then
        assertEquals(without.stepTimeUs(TestBatches.mixed()), withAllReduce.stepTimeUs(TestBatches.mixed()));
    }

    @Test
    void stepTimeUs_singlePhaseFullBandwidthNoOverheads_rooflineRoundedInsteadOfTruncated() {
        // given dense and MoE models at TP 1, 2, 4; single-phase batches price exactly as the roofline
        ModelConfig[] models = {GOLDEN, KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.LLAMA_31_8B};
        HardwareConfig[] gpus = {GOLDEN_GPU, KvCapacityTest.H100, KvCapacityTest.H100};
        for (int m = 0; m < models.length; m++) {
            for (int tp : new int[] {1, 2, 4}) {
                RooflineModel v1 = new RooflineModel(models[m], gpus[m], tp, NO_ALPHA);
                RooflineV2Model v2 =
                        new RooflineV2Model(models[m], gpus[m], tp, NO_ALPHA, 1.0, RooflineV2Overheads.NONE);
                for (String batch : new String[] {"prefill", "decode"}) {
                    // when
                    long a = v1.stepTimeUs(TestBatches.named(batch));
                    long b = v2.stepTimeUs(TestBatches.named(batch));
                    // then v2 = round(x), v1 = trunc(x)
                    assertTrue(b - a == 0 || b - a == 1, batch + " model " + m + " tp" + tp + ": " + a + " vs " + b);
                }
            }
        }
    }

    @Test
    void stepTimeUs_emptyOrNoWork_isOneMicrosecondEvenWithOverheads() {
        // given the seed overheads
        RooflineV2Model model = model(2, 0.82, new RooflineV2Overheads(5_000, 30_000, 15_000, 20));
        // when / then a step with nothing to compute does not charge overheads
        assertEquals(1, model.stepTimeUs(new StepBatch()));
        assertEquals(1, model.stepTimeUs(TestBatches.noOutput()));
    }

    @Test
    void overheads_alphas_mappedAsRoofline() {
        // given goldendataset.json case 1 alphas
        double[] alpha = {232.46191091038054, 1.752360364195244, 3357.4400353290152};
        RooflineV2Model model = new RooflineV2Model(GOLDEN, GOLDEN_GPU, 1, alpha, 0.82, SEED);
        // when / then trunc(232.4619 + 1.75236·354) = 852
        assertEquals(852, model.queueingTimeUs(354));
        assertEquals(3_357, model.outputTokenProcessingTimeUs());
        assertEquals(0, model.postDecodeFixedOverheadUs());
    }

    @Test
    void constructor_invalidInputs_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> model(0, 1.0, RooflineV2Overheads.NONE));
        assertThrows(IllegalArgumentException.class, () -> model(1, 0.0, RooflineV2Overheads.NONE));
        assertThrows(IllegalArgumentException.class, () -> model(1, 1.01, RooflineV2Overheads.NONE));
        assertThrows(IllegalArgumentException.class, () -> model(1, Double.NaN, RooflineV2Overheads.NONE));
        assertThrows(IllegalArgumentException.class, () -> model(1, 1.0, null));
        assertThrows(IllegalArgumentException.class, () -> new RooflineV2Overheads(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RooflineV2Overheads(0, 0, Double.POSITIVE_INFINITY, 0));
        HardwareConfig noMfu = new HardwareConfig(989.0, 0, 3.35, 0.55, 0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new RooflineV2Model(GOLDEN, noMfu, 1, NO_ALPHA, 1.0, RooflineV2Overheads.NONE));
    }

    @Test
    void stepTimeUs_repeatedCalls_allocateNothing() {
        // given dense and MoE models with every overhead on and a 31-request batch
        RooflineV2Overheads all = new RooflineV2Overheads(5_000, 30_000, 15_000, 20);
        RooflineV2Model dense = new RooflineV2Model(GOLDEN, GOLDEN_GPU, 2, NO_ALPHA, 0.82, all);
        RooflineV2Model moe =
                new RooflineV2Model(KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.H100, 2, NO_ALPHA, 0.82, all);
        // when
        long denseBytes = AllocationProbe.bytesForStepTime(dense, TestBatches.many(), 20_000);
        long moeBytes = AllocationProbe.bytesForStepTime(moe, TestBatches.many(), 20_000);
        // then
        assertTrue(denseBytes >= 0 && denseBytes < 4_096, "dense allocated " + denseBytes + " B");
        assertTrue(moeBytes >= 0 && moeBytes < 4_096, "MoE allocated " + moeBytes + " B");
    }
}
