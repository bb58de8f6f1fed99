package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Step times and KV capacities of the Java port against figures BLIS itself computed
 * (blis-f90a1e3-figures.csv; how they were made is in its header). Models come from the
 * product catalog, whose figures CatalogTest checks against the reference configs. Exact
 * integer equality: the port follows BLIS's float expression order.
 */
class BlisParityTest {

    private static final double[] ITER29_ALPHA = {15563.199579, 777.3455, 45.907545};
    private static final double[] ITER29_BETA = {0.152128, 0.0, 1.36252915, 0.752037, 32.09546717, 4.41684444,
        126.024825, 481.8613888, 0.0, 1.94710771, 0.752037};
    /** The model and GPU BLIS's goldendataset.json tests run with, whatever model a case names. */
    static final ModelConfig GOLDEN_TEST_MODEL = ModelConfig.builder().shape(32, 4096, 32, 8).bytesPerParam(2).build();
    static final HardwareConfig GOLDEN_TEST_GPU = new HardwareConfig(989.0, 0, 3.35, 0.55, 0.30, 0);

    private static Catalog catalog;

    @BeforeAll
    static void loadCatalog() {
        catalog = Catalog.load(TestPaths.configDir());
    }

    static Stream<Arguments> figures() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BlisParityTest.class.getResourceAsStream("blis-f90a1e3-figures.csv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split(",");
                    rows.add(Arguments.of(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} tp{2} {3} = {4}")
    @MethodSource("figures")
    void figure_sameInputsAsBlis_equalsBlisFigure(String kind, String modelName, int tp, String batch, String want) {
        // given the model and GPU BLIS used
        boolean golden = modelName.equals("golden-test-model");
        ModelConfig model = golden ? GOLDEN_TEST_MODEL : catalog.findModel(modelName).orElseThrow().config();
        HardwareConfig gpu = golden ? GOLDEN_TEST_GPU : catalog.resolveHardware("H100", null);
        switch (kind) {
            case "roofline":
                // when the roofline prices the batch, then it matches BLIS to the microsecond
                assertEquals(Long.parseLong(want),
                        new RooflineModel(model, gpu, tp, new double[3]).stepTimeUs(TestBatches.named(batch)));
                break;
            case "trained-physics":
                assertEquals(Long.parseLong(want), new TrainedPhysicsModel(model, gpu, tp, ITER29_ALPHA, ITER29_BETA)
                        .stepTimeUs(TestBatches.named(batch)));
                break;
            case "kv-blocks":
                checkKvBlocks(model, gpu, tp, want);
                break;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static void checkKvBlocks(ModelConfig model, HardwareConfig gpu, int tp, String want) {
        if (want.startsWith("min-gpus=")) {
            // when the weights do not fit, then the error names the same minimum GPU count as BLIS
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvCapacity.totalBlocks(model, gpu, tp, 16, 0.9));
            String minGpus = want.substring("min-gpus=".length());
            assertTrue(e.getMessage().endsWith("minimum GPUs per instance: " + minGpus), e.getMessage());
        } else {
            assertEquals(Long.parseLong(want), KvCapacity.totalBlocks(model, gpu, tp, 16, 0.9));
        }
    }
}
