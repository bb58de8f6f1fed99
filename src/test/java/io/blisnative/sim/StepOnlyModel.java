package io.blisnative.sim;

import java.util.function.ToLongFunction;

/** Test latency model: each step priced by a function, no overheads around the step. */
public class StepOnlyModel implements LatencyModel {
    private final ToLongFunction<StepBatch> price;

    public StepOnlyModel(ToLongFunction<StepBatch> price) {
        this.price = price;
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        return price.applyAsLong(batch);
    }

    @Override
    public long queueingTimeUs(int inputLength) {
        return 0;
    }

    @Override
    public long outputTokenProcessingTimeUs() {
        return 0;
    }

    @Override
    public long postDecodeFixedOverheadUs() {
        return 0;
    }
}
