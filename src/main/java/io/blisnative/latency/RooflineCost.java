package io.blisnative.latency;

/**
 * The per-request FLOP and byte counts of BLIS's roofline (spec §3.1), shared by
 * {@link RooflineModel} and {@link RooflineV2Model}: projections, attention, vector ops and a
 * two-matrix MLP for FLOPs; weights, KV writes, KV reads and activations for bytes. The
 * arithmetic follows the Go expression order so results agree with BLIS to the bit. Nothing
 * here allocates.
 */
final class RooflineCost {

    private static final double MLP_MATRICES = 2;

    private final double dModel;
    private final double nLayers;
    private final double nHeads;
    private final double nKvHeads;
    private final double dHead;
    private final double dKv;
    private final double bytesPerParam;
    private final double weightBytesPerParam;
    private final double dFfMoe;
    private final double dFfDense;
    private final int moeLayers;
    private final int denseLayers;
    private final double experts;
    private final double expertsPerTok;
    private final double attnWeightsPerLayer;
    /** Weight bytes when there are no MoE layers: the same for every request and step. */
    private final double denseModelWeights;

    RooflineCost(ModelConfig model) {
        this.dModel = model.hiddenDim();
        this.nLayers = model.numLayers();
        this.nHeads = model.numHeads();
        this.nKvHeads = model.numKvHeads();
        this.dHead = dModel / nHeads;
        this.dKv = nKvHeads * dHead;
        this.bytesPerParam = model.bytesPerParam();
        this.weightBytesPerParam = model.effectiveWeightBytesPerParam();
        double dFf = model.intermediateDim() > 0 ? model.intermediateDim() : 4.0 * dModel;
        this.dFfMoe = model.moeExpertFfnDim() > 0 ? model.moeExpertFfnDim() : dFf;
        this.dFfDense = model.denseIntermediateDim() > 0 ? model.denseIntermediateDim() : dFf;
        this.moeLayers = model.numMoeLayers();
        this.denseLayers = model.numDenseLayers();
        this.experts = model.numExperts();
        this.expertsPerTok = model.numExpertsPerTok();
        this.attnWeightsPerLayer = dModel * (dModel + 2 * dKv) + (dModel * dModel);
        this.denseModelWeights = computeWeights(0);
    }

    /** FLOPs of one request computing {@code newTokens} tokens after {@code seq} cached ones. */
    double flops(long seq, long newTokens) {
        double seqLen = seq;
        double newT = newTokens;
        double qkvFlops = 2 * newT * (dModel * dModel + 2 * dModel * dKv);
        double projFlops = 2 * newT * dModel * dModel;
        double gemmOps = (qkvFlops + projFlops) * nLayers;
        double effectiveCtx = newT > 1 ? seqLen + (newT - 1) / 2.0 : seqLen;
        double attnGemmOps = 4 * nHeads * newT * effectiveCtx * dHead;
        double ropeOps = 2 * newT * dModel;
        double vectorOps = (5 * nHeads * newT * effectiveCtx) + ropeOps;
        gemmOps += attnGemmOps * nLayers;
        double sramOps = vectorOps * nLayers;
        if (moeLayers > 0) {
            gemmOps += 2 * newT * (MLP_MATRICES * dModel * dFfMoe) * expertsPerTok * moeLayers;
        }
        if (denseLayers > 0) {
            gemmOps += 2 * newT * (MLP_MATRICES * dModel * dFfDense) * denseLayers;
        }
        return gemmOps + sramOps;
    }

    /**
     * KV writes, KV reads and activation bytes of one request, computed as BLIS does: the
     * request's total bytes (weights included) minus its weight bytes.
     */
    double dynamicBytes(long seq, long newTokens) {
        double newT = newTokens;
        double weights = modelWeights(newTokens);
        double kvPerToken = 2 * nLayers * nKvHeads * dHead * bytesPerParam;
        double kvGrowth = kvPerToken * newT;
        double kvAccess = kvPerToken * (double) seq;
        double activations = nLayers * dModel * bytesPerParam * newT;
        double total = weights + kvGrowth + kvAccess + activations;
        return total - weights;
    }

    /**
     * Weight bytes read for a step of {@code tokens} tokens: attention and MLP matrices, with an
     * MoE layer loading only the experts the tokens are expected to touch,
     * {@code E·(1 − ((E−k)/E)^tokens)}.
     */
    double modelWeights(long tokens) {
        return moeLayers == 0 ? denseModelWeights : computeWeights(tokens);
    }

    private double computeWeights(long tokens) {
        double moeWeights = 0;
        if (moeLayers > 0) {
            double perLayer = MLP_MATRICES * dModel * dFfMoe;
            double probNotSelected = (experts - expertsPerTok) / experts;
            double nEff = experts * (1.0 - GoMath.pow(probNotSelected, tokens));
            moeWeights = perLayer * nEff * moeLayers;
        }
        double denseWeights = 0;
        if (denseLayers > 0) {
            denseWeights = MLP_MATRICES * dModel * dFfDense * denseLayers;
        }
        double totalMlp = moeWeights + denseWeights;
        return ((attnWeightsPerLayer * nLayers) + totalMlp) * weightBytesPerParam;
    }
}
