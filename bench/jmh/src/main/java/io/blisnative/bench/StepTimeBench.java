package io.blisnative.bench;

import io.blisnative.latency.LatencyModels;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link LatencyModel#stepTimeUs}, called once per simulated step: one prefill chunk plus
 * {@code decodes} decoding requests at mixed context lengths. The score is ns per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepTimeBench {

    @Param({LatencyModels.TRAINED_PHYSICS, LatencyModels.ROOFLINE})
    String latencyModel;

    /** Decoding requests in the batch besides the prefill chunk (vLLM max_num_seqs is 256). */
    @Param({"16", "255"})
    int decodes;

    private LatencyModel latency;
    private final StepBatch batch = new StepBatch();

    @Setup
    public void setUp() {
        latency = BenchServer.load().latency(latencyModel);
        batch.clear();
        batch.add(1024, 512, 3000, 200);
        for (int i = 0; i < decodes; i++) {
            int input = 200 + (i * 97) % 3000;
            batch.add(input + 1 + i % 150, 1, input, 150);
        }
    }

    @Benchmark
    public long stepTimeUs() {
        return latency.stepTimeUs(batch);
    }
}
