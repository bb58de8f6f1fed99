package io.blisnative.bench;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.Coefficients;
import io.blisnative.latency.HardwareConfig;
import io.blisnative.latency.KvCapacity;
import io.blisnative.latency.LatencyConfig;
import io.blisnative.latency.LatencyModels;
import io.blisnative.latency.ModelConfig;
import io.blisnative.sim.LatencyModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server every benchmark simulates: Llama-3.1-8B on one H100 from the bundled catalog, the
 * way {@code blis-native run --model meta-llama/llama-3.1-8b-instruct --hardware H100} sets it up.
 */
final class BenchServer {
    static final String MODEL = "meta-llama/llama-3.1-8b-instruct";
    static final String GPU = "H100";
    static final int TP = 1;
    static final int BLOCK_SIZE = 16;

    final ModelConfig model;
    final HardwareConfig hardware;
    final Coefficients coefficients;
    final int kvBlocks;

    private BenchServer(Catalog catalog) {
        model = catalog.resolveModel(MODEL);
        hardware = catalog.resolveHardware(GPU, null);
        coefficients = catalog.coefficients().get("trained-physics-iter29");
        kvBlocks = (int) KvCapacity.totalBlocks(model, hardware, TP, BLOCK_SIZE, 0.9);
    }

    /** Loads the catalog from -Dblis.config.dir, else config/ or ../../config (run from bench/jmh). */
    static BenchServer load() {
        String dir = System.getProperty("blis.config.dir");
        Path configDir = dir != null ? Path.of(dir) : Path.of("config");
        if (dir == null && !Files.isDirectory(configDir)) {
            configDir = Path.of("../../config");
        }
        return new BenchServer(Catalog.load(configDir));
    }

    LatencyModel latency(String name) {
        boolean physics = name.equals(LatencyModels.TRAINED_PHYSICS);
        double[] alpha = physics ? coefficients.alpha() : new double[0];
        double[] beta = physics ? coefficients.beta() : new double[0];
        return LatencyModels.create(new LatencyConfig(name, alpha, beta, model, hardware, TP));
    }
}
