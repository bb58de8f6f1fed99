package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;

/**
 * Analytical roofline step time (spec §3.1, BLIS roofline backend): per step,
 * {@code max(compute seconds, memory seconds)}. Compute is each request's FLOPs (projections,
 * attention, vector ops, a two-matrix MLP) over peak FLOP/s × MFU of its phase, divided by TP;
 * memory is the weights once plus each request's KV reads/writes and activations, over HBM
 * bandwidth, divided by TP. No communication or fixed overhead terms.
 *
 * <p>Overheads use the alpha mapping of spec §1.6: queueing {@code trunc(α0 + α1·input)},
 * output-token processing {@code trunc(α2)}, no post-decode overhead.
 *
 * <p>The arithmetic follows the Go expression order so results agree with BLIS to the bit.
 * {@link #stepTimeUs} allocates nothing.
 */
public final class RooflineModel implements LatencyModel {

    private static final double MLP_MATRICES = 2;

    private final int tp;
    private final double alpha0;
    private final double alpha1;
    private final double alpha2;
    private final double peakFlops;
    private final double peakBandwidth;
    private final double mfuPrefill;
    private final double mfuDecode;

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

    /**
     * @param alpha {α0 µs, α1 µs per input token, α2 µs per output token}; all finite and ≥ 0
     * @throws IllegalArgumentException when TP ≤ 0, an MFU is 0, or alpha is not three valid numbers
     */
    public RooflineModel(ModelConfig model, HardwareConfig hw, int tp, double[] alpha) {
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        if (!(hw.mfuPrefill() > 0) || !(hw.mfuDecode() > 0)) {
            throw new IllegalArgumentException("roofline needs mfuPrefill and mfuDecode > 0, got "
                    + hw.mfuPrefill() + " and " + hw.mfuDecode());
        }
        Coefficients.check("alpha", alpha, 3, 3);
        this.tp = tp;
        this.alpha0 = alpha[0];
        this.alpha1 = alpha[1];
        this.alpha2 = alpha[2];
        this.peakFlops = hw.peakTFlopsFor(model) * 1e12;
        this.peakBandwidth = hw.bwPeakTBs() * 1e12;
        this.mfuPrefill = hw.mfuPrefill();
        this.mfuDecode = hw.mfuDecode();
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

    @Override
    public long stepTimeUs(StepBatch batch) {
        double computeS = 0;
        double dynamicBytes = 0;
        long newTokens = 0;
        int prefills = 0;
        int decodes = 0;
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            if (batch.isPrefill(i)) {
                int t = batch.newTokens(i);
                computeS += flops(batch.progress(i), t) / tp / (peakFlops * mfuPrefill);
                dynamicBytes += dynamicBytes(batch.progress(i), t) / tp;
                newTokens += t;
                prefills++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!batch.isPrefill(i) && batch.outputLength(i) > 0) {
                computeS += flops(batch.progress(i), 1) / tp / (peakFlops * mfuDecode);
                dynamicBytes += dynamicBytes(batch.progress(i), 1) / tp;
                decodes++;
            }
        }
        if (prefills == 0 && decodes == 0) {
            return 1;
        }
        double weightBytes = modelWeights(newTokens + decodes) / tp;
        double memoryS = (weightBytes + dynamicBytes) / peakBandwidth;
        return Math.max(1, GoMath.truncToLong(Math.max(computeS, memoryS) * 1e6));
    }

    /** FLOPs of one request computing {@code newT} tokens after {@code seq} cached ones. */
    private double flops(long seq, long newTokens) {
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
    private double dynamicBytes(long seq, long newTokens) {
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
    private double modelWeights(long tokens) {
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

    @Override
    public long queueingTimeUs(int inputLength) {
        return GoMath.truncToLong(alpha0 + alpha1 * (double) inputLength);
    }

    @Override
    public long outputTokenProcessingTimeUs() {
        return GoMath.truncToLong(alpha2);
    }

    @Override
    public long postDecodeFixedOverheadUs() {
        return 0;
    }
}
