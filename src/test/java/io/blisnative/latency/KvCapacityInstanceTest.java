package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KvCapacityInstanceTest {

    @Test
    void instanceBlocks_tp2Mixtral_isPerGpuMemoryLessWeightsAndReserve() {
        // given Mixtral-8x7B on 2 H100s at 0.9: weights 93,405,585,408 B over 2 GPUs = 46,702,792,704 B;
        // (80 x 0.9 - 2.0) GiB = 75,161,927,680 B per GPU; left 28,459,134,976 B; a block is
        // 32 layers x 2 x (8/2 heads) x 128 x 2 B x 16 tokens = 1,048,576 B -> 27,140 blocks
        // when
        long blocks = KvCapacity.instanceBlocks(KvCapacityTest.MIXTRAL_8X7B, KvCapacityTest.H100, 2, 16, 0.9);
        // then
        assertEquals(93_405_585_408L, KvCapacity.modelWeightBytes(KvCapacityTest.MIXTRAL_8X7B));
        assertEquals(27_140, blocks);
    }

    @ParameterizedTest(name = "{0} TP{1}: vLLM reported {2} blocks")
    @CsvSource({
        "qwen2.5-7b-instruct, 1, 65368",
        "mistral-nemo-instruct-2407, 1, 19251",
        "mistral-nemo-instruct-2407, 2, 48009",
        "yi-34b, 2, 20793",
        "llama-3.1-70b-instruct, 4, 30425",
    })
    void instanceBlocks_blisGoldenDatasetRuns_withinOneAndAHalfPercentOfVllm(String folder, int tp, long vllmBlocks) {
        // given a dense model of BLIS's roofline golden dataset (testdata/roofline_goldendataset.json
        // total_kv_blocks, the count vLLM v0.15 reported on H100 at util 0.9 with 16-token blocks)
        ModelConfig model = ModelConfigs.load(modelConfigs().resolve(folder));
        // when
        long blocks = KvCapacity.instanceBlocks(model, KvCapacityTest.H100, tp, 16, 0.9);
        // then within 1.5 % (BLIS's own formula is 4 to 7 % low at TP 1). Mistral-Nemo is the widest, -1.3 %:
        // its 32 heads x 128 = 4096 < hidden 5120, but the shared weight count prices q and o as hidden²
        assertTrue(Math.abs(blocks - vllmBlocks) <= 0.015 * vllmBlocks, folder + " TP" + tp + ": " + blocks);
    }

    @Test
    void instanceBlocks_weightsFillTheGpu_throwsNamingTheWeights() {
        // given Llama-3.1-70B's 131 GiB of weights on one H100
        ModelConfig llama70 = KvCapacityTest.LLAMA_31_8B.toBuilder().shape(80, 8192, 64, 8).intermediateDim(28672)
                .build();
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvCapacity.instanceBlocks(llama70, KvCapacityTest.H100, 1, 16, 0.9));
        // then
        assertTrue(e.getMessage().contains("131.42 GiB of weights per GPU"), e.getMessage());
    }

    private static Path modelConfigs() {
        String shared = System.getProperty("blis.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "blis-reference", "model_configs");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "../shared/blis-reference is absent (set blis.shared.dir); skipping the golden-dataset check");
        return dir;
    }
}
