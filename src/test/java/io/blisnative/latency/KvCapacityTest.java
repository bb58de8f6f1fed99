package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KvCapacityTest {

    /** Llama-3.1-8B-Instruct as its config.json describes it. */
    static final ModelConfig LLAMA_31_8B = ModelConfig.builder().shape(32, 4096, 32, 8).intermediateDim(14336)
            .vocabSize(128256).bytesPerParam(2).hiddenAct("silu").maxModelLen(131072).build();
    static final ModelConfig MIXTRAL_8X7B = ModelConfig.builder().shape(32, 4096, 32, 8).intermediateDim(14336)
            .vocabSize(32000).bytesPerParam(2).hiddenAct("silu").moe(8, 2, 0, 0).build();
    static final ModelConfig DEEPSEEK_V2_LITE = ModelConfig.builder().shape(27, 2048, 16, 16).intermediateDim(10944)
            .vocabSize(102400).bytesPerParam(2).hiddenAct("silu").moe(64, 6, 1408, 2816).firstKDenseReplace(1)
            .mla(512, 64).build();
    static final HardwareConfig H100 = new HardwareConfig(989.5, 1979.0, 3.35, 0.45, 0.30, 80.0);

    @Test
    void totalBlocks_llama31_8bOnH100Tp1Util09_is26312() {
        // given Llama-3.1-8B on one H100 at 90 % memory utilisation, 16-token blocks
        // params = V·h 525,336,576 + L·(h(h+2·kvDim) + h² + 2h) = 32·41,951,232 = 1,342,439,424
        //        + L·3·h·I = 5,637,144,576 + lm_head 525,336,576 + final norm 4,096 = 8,030,261,248
        // weights = params·2 B = 16,060,522,496 B = 14.957527 GiB
        // overhead = 14.957527 + 5.5 activation + 0.15 non-torch = 20.607527 GiB; available = 80·0.9·1 = 72 GiB
        // allocatable = 51.392473 GiB = trunc(·2^30) = 55,182,247,526 B; block = 32·2·128·8·2 B · 16 = 2,097,152 B
        // blocks = 55,182,247,526 / 2,097,152 = 26,312
        // when
        long blocks = KvCapacity.totalBlocks(LLAMA_31_8B, H100, 1, 16, 0.9);
        // then
        assertEquals(16_060_522_496L, KvCapacity.modelWeightBytes(LLAMA_31_8B));
        assertEquals(131_072.0, KvCapacity.kvBytesPerToken(LLAMA_31_8B, 1));
        assertEquals(26_312, blocks);
    }

    @Test
    void totalBlocks_llama31_8bTp2AndTp4_withinBlisEmpiricalTolerance() {
        // given BLIS's kv_capacity_test baselines for Llama-3.1-8B on H100 (vLLM-reported blocks):
        // TP2 132,139 and TP4 559,190, each accepted within 10 %
        // when
        long tp2 = KvCapacity.totalBlocks(LLAMA_31_8B, H100, 2, 16, 0.9);
        long tp4 = KvCapacity.totalBlocks(LLAMA_31_8B, H100, 4, 16, 0.9);
        // then (exact BLIS figures 125,278 and 543,011 are in BlisParityTest)
        assertTrue(Math.abs(tp2 - 132_139) / 132_139.0 <= 0.10, "TP2 blocks " + tp2);
        assertTrue(Math.abs(tp4 - 559_190) / 559_190.0 <= 0.10, "TP4 blocks " + tp4);
    }

    @Test
    void kvBytesPerToken_mla_isLatentWidthTimesLayersAtEveryTp() {
        // given DeepSeek-V2-Lite: the cache holds kv_lora_rank + qk_rope_head_dim = 576 values per layer,
        // replicated on every TP rank: 27 · 576 · 2 B = 31,104 B (BLIS kv_capacity_test figure)
        for (int tp : new int[] {1, 2, 4}) {
            // when / then
            assertEquals(31_104.0, KvCapacity.kvBytesPerToken(DEEPSEEK_V2_LITE, tp));
        }
    }

    @Test
    void modelWeightBytes_moeWithDensePrefix_countsDenseLayerAndAllExperts() {
        // given DeepSeek-V2-Lite: 1 dense layer (3·h·I = 67,239,936) and 26 MoE layers of
        // 64 experts · 3·h·1408 + shared 3·h·2816 + router 64·h = 553,648,128 + 17,301,504 + 131,072 = 571,080,704
        // attention+norms 27·(h(h+2·16·128) + h² + 2h) = 27·16,781,312 = 453,095,424; embeddings and lm_head 2·V·h
        // = 419,430,400; final norm 2,048 → params 67,239,936 + 14,848,098,304 + 453,095,424 + 419,430,400 + 2,048
        // = 15,787,866,112; bytes ·2 = 31,575,732,224
        // when / then
        assertEquals(31_575_732_224L, KvCapacity.modelWeightBytes(DEEPSEEK_V2_LITE));
    }

    @Test
    void totalBlocks_weightsLargerThanMemory_errorNamesMinimumGpus() {
        // given Llama-3.1-70B (8192 wide, 80 layers, MLP 28672): weights 141,107,412,992 B = 131.42 GiB on one H100
        ModelConfig llama70 = LLAMA_31_8B.toBuilder().shape(80, 8192, 64, 8).intermediateDim(28672).build();
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvCapacity.totalBlocks(llama70, H100, 1, 16, 0.9));
        // then minimum = ceil((131.42 + 5.5) / (80·0.9 − 0.6)) = ceil(1.92) = 2
        assertTrue(e.getMessage().contains("exceeds the GPU memory"), e.getMessage());
        assertTrue(e.getMessage().endsWith("minimum GPUs per instance: 2"), e.getMessage());
    }

    @Test
    void totalBlocks_moeWithTwoDataParallelRanks_doublesBlocksDenseDoesNot() {
        // given Mixtral on TP2 (48,956 blocks per rank, BLIS figure) and a dense model
        // when
        long moe = KvCapacity.totalBlocks(MIXTRAL_8X7B, H100, 2, 2, 16, 0.9);
        long dense = KvCapacity.totalBlocks(LLAMA_31_8B, H100, 1, 2, 16, 0.9);
        // then each MoE DP rank is its own engine with its own cache
        assertEquals(2 * 48_956, moe);
        assertEquals(26_312, dense);
    }

    @Test
    void totalBlocks_invalidInputs_rejectedNamingTheInput() {
        // given inputs BLIS refuses
        ModelConfig gelu = LLAMA_31_8B.toBuilder().hiddenAct("gelu").build();
        ModelConfig noVocab = LLAMA_31_8B.toBuilder().vocabSize(0).build();
        HardwareConfig noMemory = new HardwareConfig(989.5, 0, 3.35, 0.45, 0.30, 0);
        // when / then
        assertMessage("gpuMemoryUtilization", () -> KvCapacity.totalBlocks(LLAMA_31_8B, H100, 1, 16, 0));
        assertMessage("gpuMemoryUtilization", () -> KvCapacity.totalBlocks(LLAMA_31_8B, H100, 1, 16, 1.01));
        assertMessage("blockSize", () -> KvCapacity.totalBlocks(LLAMA_31_8B, H100, 1, 0, 0.9));
        assertMessage("hidden_act 'gelu'", () -> KvCapacity.totalBlocks(gelu, H100, 1, 16, 0.9));
        assertMessage("vocab_size", () -> KvCapacity.totalBlocks(noVocab, H100, 1, 16, 0.9));
        assertMessage("MemoryGiB", () -> KvCapacity.totalBlocks(LLAMA_31_8B, noMemory, 1, 16, 0.9));
        assertMessage("divisible by TP (3)", () -> KvCapacity.totalBlocks(LLAMA_31_8B, H100, 3, 16, 0.9));
        assertMessage("TP must be > 0", () -> KvCapacity.kvBytesPerToken(LLAMA_31_8B, 0));
    }

    @Test
    void kvBytesPerToken_fewerKvHeadsThanTp_dividesByTpAnyway() {
        // given 4 KV heads on 8 GPUs: vLLM replicates heads, BLIS still divides by TP (optimistic)
        ModelConfig fourKv = LLAMA_31_8B.toBuilder().shape(32, 4096, 32, 4).build();
        // when / then 32·2·128·4·2 / 8 = 8,192
        assertEquals(8_192.0, KvCapacity.kvBytesPerToken(fourKv, 8));
    }

    @Test
    void capMaxModelLen_needsMoreBlocksThanExist_cappedToCacheSize() {
        // given 16-token blocks
        // when / then 131,072 tokens need 8,192 blocks: with 5,000 blocks the cap is 80,000 tokens
        assertEquals(80_000, KvCapacity.capMaxModelLen(131_072, 5_000, 16));
        // 4,097 tokens need 257 blocks (rounded up): 256 blocks cap it at 4,096
        assertEquals(4_096, KvCapacity.capMaxModelLen(4_097, 256, 16));
        // 4,096 tokens fit exactly in 256 blocks; 0 means unlimited
        assertEquals(4_096, KvCapacity.capMaxModelLen(4_096, 256, 16));
        assertEquals(0, KvCapacity.capMaxModelLen(0, 256, 16));
        // and Llama-3.1-8B's 131,072 fits its 26,312 blocks (420,992 tokens) on one H100
        assertEquals(131_072, KvCapacity.capMaxModelLen(LLAMA_31_8B.maxModelLen(), 26_312, 16));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
