package io.blisnative.sim;

/** Test latency model: a fixed base per step plus a cost per scheduled token, no overheads. */
final class FixedStepModel extends StepOnlyModel {

    FixedStepModel(long baseUs, long perTokenUs) {
        super(batch -> price(batch, baseUs, perTokenUs));
    }

    private static long price(StepBatch batch, long baseUs, long perTokenUs) {
        long tokens = 0;
        for (int i = 0; i < batch.size(); i++) {
            tokens += batch.newTokens(i);
        }
        return batch.size() == 0 ? 0 : baseUs + perTokenUs * tokens;
    }
}
