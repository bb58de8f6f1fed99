package io.blisnative.cli;

import io.blisnative.kv.BlockCache;
import io.blisnative.kv.KvCache;
import io.blisnative.kv.TieredKvCache;
import io.blisnative.latency.LatencyConfig;
import io.blisnative.latency.LatencyModels;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.SessionHook;
import io.blisnative.sim.SimConfig;
import io.blisnative.sim.Simulator;

/**
 * A fully resolved simulated server: scheduler settings, KV capacity and step-time model.
 *
 * @param description   one line naming model, GPU, TP, latency model and KV blocks (for stderr)
 * @param latencyConfig what {@code latency} was built from (to rebuild it with other coefficients)
 */
record Server(SimConfig config, int totalKvBlocks, int blockSize, CpuTier cpuTier, LatencyModel latency,
        String latencyName, String model, String gpu, int tp, String description, LatencyConfig latencyConfig) {

    /** Optional CPU KV tier: capacity in blocks (0 = none), reload bandwidth in blocks/µs, fixed latency per block. */
    record CpuTier(int blocks, double bandwidthBlocksPerUs, long baseLatencyUs) {
    }

    /** A fresh KV cache: every run starts empty. */
    KvCache newKvCache() {
        BlockCache gpu = new BlockCache(totalKvBlocks, blockSize);
        if (cpuTier.blocks() <= 0) {
            return gpu;
        }
        return new TieredKvCache(gpu, cpuTier.blocks(), cpuTier.bandwidthBlocksPerUs(), cpuTier.baseLatencyUs());
    }

    Simulator newSimulator() {
        return new Simulator(config, newKvCache(), latency);
    }

    /** A simulator whose clients follow up on completed requests (multi-turn sessions). */
    Simulator newSimulator(SessionHook sessions) {
        return new Simulator(config, newKvCache(), latency, sessions);
    }

    /** A simulator whose latency model has these coefficients instead (everything else unchanged). */
    Simulator newSimulator(double[] alpha, double[] beta) {
        LatencyConfig c = latencyConfig;
        LatencyModel model = LatencyModels.create(new LatencyConfig(c.name(), alpha, beta, c.model(), c.hardware(),
                c.tp(), c.bandwidthEfficiency(), c.rooflineV2(), c.scheduling()));
        return new Simulator(config, newKvCache(), model);
    }
}
