package io.blisnative.cli;

import io.blisnative.kv.BlockCache;
import io.blisnative.kv.KvCache;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.SimConfig;
import io.blisnative.sim.Simulator;

/**
 * A fully resolved simulated server: scheduler settings, KV capacity and step-time model.
 *
 * @param description one line naming model, GPU, TP, latency model and KV blocks (for stderr)
 */
record Server(SimConfig config, int totalKvBlocks, int blockSize, LatencyModel latency, String latencyName,
        String model, String gpu, int tp, String description) {

    /** A fresh KV cache: every run starts empty. */
    KvCache newKvCache() {
        return new BlockCache(totalKvBlocks, blockSize);
    }

    Simulator newSimulator() {
        return new Simulator(config, newKvCache(), latency);
    }
}
