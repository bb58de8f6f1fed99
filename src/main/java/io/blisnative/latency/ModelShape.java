package io.blisnative.latency;

/**
 * Per-GPU sizes of one model under tensor parallelism, as {@link KernelRooflineModel} prices
 * them: bytes of weights streamed per layer, FLOPs per token, KV bytes read per cached token.
 *
 * <p>Attention heads are split across TP; KV heads too, replicated when TP exceeds them (vLLM).
 * Routed experts are TP-sharded (vLLM's default without expert parallelism). The MLP is the
 * gated three-matrix form. Head dimension is the model's head_dim when given, else d/H.
 */
final class ModelShape {
    final int tp;
    final int denseLayers;
    final int moeLayers;
    final double attentionWeightBytes;
    final double denseLayerWeightBytes;
    final double denseLayerFlopsPerToken;
    final double expertWeightBytes;
    final double sharedExpertWeightBytes;
    final double moeLayerFlopsPerToken;
    final double kvBytesPerTokenLayer;
    final double attentionFlopsPerPair;
    final double allReduceRingBytesPerToken;
    final double lmHeadWeightBytes;
    final double lmHeadFlopsPerRow;
    private final double experts;
    private final double untouchedShare;

    /**
     * @throws IllegalArgumentException when TP ≤ 0 or the heads are not a multiple of TP
     */
    ModelShape(ModelConfig m, int tp) {
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        if (m.numHeads() % tp != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + m.numHeads() + ") must be divisible by TP ("
                    + tp + ")");
        }
        this.tp = tp;
        double d = m.hiddenDim();
        double wbpp = m.effectiveWeightBytesPerParam();
        double act = m.bytesPerParam();
        double dh = m.effectiveHeadDim();
        double heads = (double) m.numHeads() / tp;
        double kvHeads = Math.ceil((double) m.numKvHeads() / tp);
        double attentionParams = d * heads * dh * 2 + d * kvHeads * dh * 2;
        double denseFfn = m.denseIntermediateDim() > 0 ? m.denseIntermediateDim() : m.intermediateDim();
        double denseMlpParams = 3 * d * denseFfn / tp;
        this.denseLayers = m.numDenseLayers();
        this.moeLayers = m.numMoeLayers();
        this.attentionWeightBytes = attentionParams * wbpp;
        this.denseLayerWeightBytes = (attentionParams + denseMlpParams) * wbpp;
        this.denseLayerFlopsPerToken = 2 * (attentionParams + denseMlpParams);
        double expertFfn = m.moeExpertFfnDim() > 0 ? m.moeExpertFfnDim() : m.intermediateDim();
        double expertParams = 3 * d * expertFfn / tp;
        double sharedParams = 3 * d * (double) m.sharedExpertFfnDim() / tp;
        this.expertWeightBytes = expertParams * wbpp;
        this.sharedExpertWeightBytes = sharedParams * wbpp;
        double routerParams = d * m.numExperts();
        this.moeLayerFlopsPerToken = 2 * (attentionParams + Math.max(1, m.numExpertsPerTok()) * expertParams
                + sharedParams + routerParams);
        this.kvBytesPerTokenLayer = m.isMla() ? (double) (m.kvLoraRank() + m.qkRopeHeadDim()) * act
                : 2 * kvHeads * dh * act;
        this.attentionFlopsPerPair = 4 * heads * dh;
        this.allReduceRingBytesPerToken = tp > 1 ? 2.0 * (tp - 1) / tp * d * act : 0;
        this.lmHeadWeightBytes = (double) m.vocabSize() * d / tp * wbpp;
        this.lmHeadFlopsPerRow = 2.0 * m.vocabSize() * d / tp;
        this.experts = m.numExperts();
        this.untouchedShare = m.isMoe() ? 1 - (double) Math.max(1, m.numExpertsPerTok()) / m.numExperts() : 0;
    }

    /** Routed experts that receive at least one of {@code tokens} tokens, in expectation: E·(1 − (1 − k/E)^n). */
    double expertsTouched(double tokens) {
        if (experts == 0) {
            return 0;
        }
        return experts * (1 - Math.pow(untouchedShare, tokens));
    }
}
