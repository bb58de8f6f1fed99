package io.blisnative.sim;

/** Test latency model: a fixed base per step plus a cost per scheduled token, no overheads. */
final class FixedStepModel implements LatencyModel {
    private final long baseUs;
    private final long perTokenUs;

    FixedStepModel(long baseUs, long perTokenUs) {
        this.baseUs = baseUs;
        this.perTokenUs = perTokenUs;
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        long tokens = 0;
        for (int i = 0; i < batch.size(); i++) {
            tokens += batch.newTokens(i);
        }
        return batch.size() == 0 ? 0 : baseUs + perTokenUs * tokens;
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
