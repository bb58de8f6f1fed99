package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.blisnative.sim.StepBatch;
import org.junit.jupiter.api.Test;

class BlackboxModelTest {

    /** Coefficients of goldendataset.json case 1 (BLIS's historical Llama-3.1-8B / H100 / TP1 fit). */
    private static final double[] ALPHA = {232.46191091038054, 1.752360364195244, 3357.4400353290152};
    private static final double[] BETA = {5752.705191348184, 17.25086436834028, 5.999143920128404};

    @Test
    void stepTimeUs_mixedBatch_linearInPrefillAndDecodeTokens() {
        // given the mixed batch: prefill chunks of 512 and 188 tokens, two decodes
        BlackboxModel model = new BlackboxModel(ALPHA, BETA);
        // when / then 5752.7052 + 17.2509·700 + 5.9991·2 = 17,840.31 → 17,840
        assertEquals(17_840, model.stepTimeUs(TestBatches.mixed()));
    }

    @Test
    void stepTimeUs_requestWithoutOutput_countsNeitherPhase() {
        // given a request past its prompt with nothing to generate, and an empty batch
        BlackboxModel model = new BlackboxModel(ALPHA, BETA);
        // when / then only β0 remains
        assertEquals(5_752, model.stepTimeUs(TestBatches.noOutput()));
        assertEquals(5_752, model.stepTimeUs(new StepBatch()));
    }

    @Test
    void overheads_alphas_likeRoofline() {
        // given
        BlackboxModel model = new BlackboxModel(ALPHA, BETA);
        // when / then queueing trunc(232.4619 + 1.75236·354) = 852, per token trunc(α2), no post-decode term
        assertEquals(852, model.queueingTimeUs(354));
        assertEquals(3_357, model.outputTokenProcessingTimeUs());
        assertEquals(0, model.postDecodeFixedOverheadUs());
    }

    @Test
    void constructor_wrongCoefficientCount_rejected() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> new BlackboxModel(ALPHA, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new BlackboxModel(new double[4], BETA));
        assertThrows(IllegalArgumentException.class,
                () -> new BlackboxModel(ALPHA, new double[] {1, Double.POSITIVE_INFINITY, 2}));
    }
}
