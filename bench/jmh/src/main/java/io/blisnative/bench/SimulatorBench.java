package io.blisnative.bench;

import io.blisnative.kv.BlockCache;
import io.blisnative.latency.LatencyModels;
import io.blisnative.sim.Arrival;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.SimConfig;
import io.blisnative.sim.SimResult;
import io.blisnative.sim.Simulator;
import io.blisnative.workload.DistributionParams;
import io.blisnative.workload.DistributionWorkload;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole event loop (event queue, batch formation, KV cache, step pricing, recording) through
 * the public {@link Simulator#run}, on a small synthetic workload generated once. The score is
 * simulated requests per second; the workload rate sets the batch size the steps see.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SimulatorBench {
    static final int REQUESTS = 2000;

    /** Arrival rate in requests/s: 5 keeps batches small, 40 fills them (up to 256 sequences). */
    @Param({"5", "40"})
    double rate;

    @Param({LatencyModels.TRAINED_PHYSICS, LatencyModels.ROOFLINE})
    String latencyModel;

    private BenchServer server;
    private LatencyModel latency;
    private List<Arrival> arrivals;

    @Setup
    public void setUp() {
        server = BenchServer.load();
        latency = server.latency(latencyModel);
        arrivals = new DistributionWorkload(
                DistributionParams.of(42, rate, REQUESTS, 0, 512, 256, 2, 4096, 256, 128, 2, 2048)).toList();
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public SimResult run() {
        Simulator sim = new Simulator(SimConfig.defaults(), new BlockCache(server.kvBlocks, BenchServer.BLOCK_SIZE),
                latency);
        return sim.run(arrivals.iterator());
    }
}
