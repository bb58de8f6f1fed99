package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KvCapacityInstanceTest {

    @Test
    void instanceBlocks_tp2Mixtral_isBlisCountOverTp() {
        // given Mixtral-8x7B on 2 H100s at 0.9: BLIS counts 48956 blocks (the memory of both GPUs over one
        // GPU's KV bytes per token); vLLM holds each token's KV split over both GPUs
        long blis = KvCapacity.totalBlocks(KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.H100, 2, 16, 0.9);
        // when
        long vllm = KvCapacity.instanceBlocks(KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.H100, 2, 16, 0.9);
        // then
        assertEquals(48956, blis);
        assertEquals(24478, vllm);
    }

    @Test
    void instanceBlocks_tp1_equalsBlis() {
        // given / when / then Llama-3.1-8B on one H100 (BLIS 26312)
        assertEquals(KvCapacity.totalBlocks(KvCapacityTest.LLAMA_31_8B, KvCapacityTest.H100, 1, 16, 0.9),
                KvCapacity.instanceBlocks(KvCapacityTest.LLAMA_31_8B, KvCapacityTest.H100, 1, 16, 0.9));
    }
}
