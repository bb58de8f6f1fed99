package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;

/**
 * BLIS's trained-physics ("corrected roofline") step time, spec §3.2: roofline basis terms in µs
 * (prefill and decode compute and KV traffic, weight loading, TP all-reduce, MoE dispatch), each
 * scaled by a fitted beta, plus per-layer, per-request, per-step and per-MoE-layer constants.
 * Peak FLOP/s and bandwidth are used without MFU; KV elements are always 2 bytes.
 *
 * <p>Beta layout (0-based): [0] prefill compute, [1] decode compute, [2] weight loading,
 * [3] TP all-reduce, [4] µs per layer, [5] µs per request, [6] µs per step, [7] µs per MoE layer
 * (interleaved MoE only), [8] prefill KV, [9] decode KV, [10] MoE dispatch (defaults to [3]).
 * With fewer than 9 (10) betas the prefill (decode) term is beta·max(compute, KV) instead of a
 * sum; missing entries are 0. Alphas: queueing {@code trunc(α0)}, post-decode overhead
 * {@code trunc(α1)}, per-output-token processing {@code trunc(α2)}.
 *
 * <p>Prefill attention uses each request's full prompt length, not its progress, as BLIS does.
 * The arithmetic follows the Go expression order; {@link #stepTimeUs} allocates nothing.
 */
public final class TrainedPhysicsModel implements LatencyModel {

    private static final double KV_ELEMENT_BYTES = 2.0;

    private final double[] beta = new double[11];
    private final boolean prefillSplit;
    private final boolean decodeSplit;
    private final long queueingUs;
    private final long postDecodeUs;
    private final long outputTokenUs;

    private final int tp;
    private final int dp;
    private final int numLayers;
    private final int moeLayers;
    private final int denseLayers;
    private final int hiddenDim;
    private final int numHeads;
    private final int headDim;
    private final int dKv;
    private final int dFfMoe;
    private final int dFfDense;
    private final int kEff;
    private final int numExperts;
    private final int moeGroup;
    private final int sharedExpertFfnDim;
    private final boolean isMoe;
    private final boolean interleavedMoe;
    private final boolean topKDispatch;
    private final double weightBpp;
    private final double activationBpp;
    private final double flopsPerUs;
    private final double bytesPerUs;

    /** A single data-parallel rank with vLLM's default MoE backend. */
    public TrainedPhysicsModel(ModelConfig model, HardwareConfig hw, int tp, double[] alpha, double[] beta) {
        this(model, hw, tp, 1, MoeCommBackend.DEFAULT, alpha, beta);
    }

    /**
     * @param dp    data-parallel degree, ≥ 1; above 1 only for MoE models
     * @param alpha three finite non-negative alphas (µs)
     * @param beta  7 to 11 finite non-negative betas
     * @throws IllegalArgumentException when TP ≤ 0, heads or KV heads are not multiples of TP,
     *         intermediate_size is 0, or a coefficient is missing, negative or not finite
     */
    public TrainedPhysicsModel(ModelConfig model, HardwareConfig hw, int tp, int dp, MoeCommBackend backend,
            double[] alpha, double[] beta) {
        checkShape(model, tp, dp);
        Coefficients.check("alpha", alpha, 3, 3);
        Coefficients.check("beta", beta, 7, 11);
        System.arraycopy(beta, 0, this.beta, 0, beta.length);
        if (beta.length < 11) {
            this.beta[10] = this.beta[3];
        }
        this.prefillSplit = beta.length >= 9;
        this.decodeSplit = beta.length >= 10;
        this.queueingUs = GoMath.truncToLong(alpha[0]);
        this.postDecodeUs = GoMath.truncToLong(alpha[1]);
        this.outputTokenUs = GoMath.truncToLong(alpha[2]);
        this.tp = tp;
        this.dp = dp;
        this.numLayers = model.numLayers();
        this.moeLayers = model.numMoeLayers();
        this.denseLayers = model.numDenseLayers();
        this.hiddenDim = model.hiddenDim();
        this.numHeads = model.numHeads();
        this.headDim = model.hiddenDim() / model.numHeads();
        this.dKv = model.numKvHeads() * headDim;
        this.dFfMoe = model.moeExpertFfnDim() > 0 ? model.moeExpertFfnDim() : model.intermediateDim();
        this.dFfDense = model.denseIntermediateDim() > 0 ? model.denseIntermediateDim() : model.intermediateDim();
        this.kEff = Math.max(1, model.numExpertsPerTok());
        this.numExperts = model.numExperts();
        this.isMoe = model.isMoe();
        this.moeGroup = isMoe ? tp * dp : tp;
        this.sharedExpertFfnDim = model.sharedExpertFfnDim();
        this.interleavedMoe = model.hasInterleavedMoe();
        this.topKDispatch = backend.topKVolume();
        this.weightBpp = model.effectiveWeightBytesPerParam();
        this.activationBpp = model.bytesPerParam();
        this.flopsPerUs = hw.peakTFlopsFor(model) * 1e6;
        this.bytesPerUs = hw.bwPeakTBs() * 1e6;
    }

    private static void checkShape(ModelConfig model, int tp, int dp) {
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        if (dp < 1) {
            throw new IllegalArgumentException("dp must be >= 1, got " + dp);
        }
        if (dp > 1 && !model.isMoe()) {
            throw new IllegalArgumentException("dp > 1 is only modelled for MoE models, got dp=" + dp);
        }
        if (model.intermediateDim() <= 0) {
            throw new IllegalArgumentException("trained-physics needs intermediate_size > 0, got "
                    + model.intermediateDim());
        }
        if (model.numHeads() % tp != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + model.numHeads()
                    + ") must be divisible by TP (" + tp + ")");
        }
        if (model.numKvHeads() % tp != 0) {
            throw new IllegalArgumentException("num_key_value_heads (" + model.numKvHeads()
                    + ") must be divisible by TP (" + tp + ")");
        }
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        int n = batch.size();
        if (batch.requests() == 0) {
            return 1;
        }
        double prefillTokens = 0;
        double decodeTokens = 0;
        double sumCtx = 0;
        double prefillAttnFlops = 0;
        double dH = headDim;
        double hPerGpu = (double) numHeads / (double) tp;
        for (int i = 0; i < n; i++) {
            if (batch.isPrefill(i)) {
                double ti = batch.newTokens(i);
                double si = batch.inputLength(i);
                prefillTokens += ti;
                prefillAttnFlops += 4 * hPerGpu * ti * (si + ti / 2) * dH;
            } else if (batch.outputLength(i) > 0) {
                decodeTokens++;
                sumCtx += batch.progress(i);
            }
        }
        decodeTokens += batch.aggregateDecodes();
        sumCtx += batch.aggregateDecodeProgress();
        double prefillTerm = prefillTerm(prefillTokens, prefillAttnFlops);
        double decodeTerm = decodeTerm(decodeTokens, sumCtx);
        double totalTokens = prefillTokens + decodeTokens;
        double layers = numLayers;
        double moeScaling = interleavedMoe ? 1.0 : 0.0;
        double step = prefillTerm
                + decodeTerm
                + beta[2] * weightTimeUs()
                + beta[3] * allReduceUs(totalTokens)
                + beta[10] * dispatchUs(totalTokens)
                + beta[4] * layers
                + beta[5] * (double) batch.requests()
                + beta[6]
                + beta[7] * moeScaling * (double) moeLayers;
        return Math.max(1, GoMath.truncToLong(step));
    }

    /** Decodes enter only as token counts and sums of integer context lengths, so a summary prices exactly alike. */
    @Override
    public boolean pricesAggregateDecodes() {
        return true;
    }

    private double prefillTerm(double tokens, double attnFlops) {
        double compute = 0;
        double kv = 0;
        if (tokens > 0) {
            double l = numLayers;
            double d = hiddenDim;
            double tpdp = (double) tp * (double) dp;
            double flopsProj = l * 2 * tokens * d * (2 * d + 2 * (double) dKv) / tpdp;
            double flopsAttn = l * attnFlops / (double) dp;
            compute = (flopsProj + flopsAttn + ffnFlops(tokens)) / flopsPerUs;
            kv = l * 2 * ((double) dKv / tpdp) * tokens * KV_ELEMENT_BYTES / bytesPerUs;
        }
        return prefillSplit ? beta[0] * compute + beta[8] * kv : beta[0] * Math.max(compute, kv);
    }

    private double decodeTerm(double tokens, double sumCtx) {
        double compute = 0;
        double kv = 0;
        if (tokens > 0) {
            double l = numLayers;
            double d = hiddenDim;
            double tpdp = (double) tp * (double) dp;
            double hPerGpu = (double) numHeads / (double) tp;
            double flopsProj = l * 2 * tokens * d * (2 * d + 2 * (double) dKv) / tpdp;
            double flopsAttn = l * 4 * hPerGpu * sumCtx * (double) headDim / (double) dp;
            compute = (flopsProj + flopsAttn + ffnFlops(tokens)) / flopsPerUs;
            kv = l * 2 * ((double) dKv / tpdp) * KV_ELEMENT_BYTES * (sumCtx + tokens) / bytesPerUs;
        }
        return decodeSplit ? beta[1] * compute + beta[9] * kv : beta[1] * Math.max(compute, kv);
    }

    /** MLP FLOPs for {@code tokens}: routed experts on the busiest GPU, shared experts, dense layers. */
    private double ffnFlops(double tokens) {
        double d = hiddenDim;
        double tpdp = (double) tp * (double) dp;
        double flops = 0;
        if (moeLayers > 0) {
            double perGpuTokens = tokens * (double) kEff / (double) moeGroup;
            flops += (double) moeLayers * perGpuTokens * 6 * d * (double) dFfMoe;
            if (sharedExpertFfnDim != 0) {
                flops += (double) moeLayers * tokens * 6 * d * (double) sharedExpertFfnDim / tpdp;
            }
        }
        if (denseLayers > 0) {
            flops += (double) denseLayers * tokens * 1 * 6 * d * (double) dFfDense / tpdp;
        }
        return flops;
    }

    /** Weight-loading time: attention and dense MLP split by TP, routed experts by the MoE group. */
    private double weightTimeUs() {
        double l = numLayers;
        double d = hiddenDim;
        double bytesAttn = l * d * (2 * d + 2 * (double) dKv) * weightBpp / (double) tp;
        double bytesFfn = 0;
        if (moeLayers > 0) {
            double perGpuExperts = (double) numExperts / (double) moeGroup;
            bytesFfn += (double) moeLayers * perGpuExperts * 3 * d * (double) dFfMoe * weightBpp;
            if (sharedExpertFfnDim > 0) {
                bytesFfn += (double) moeLayers * 3 * d * (double) sharedExpertFfnDim * weightBpp / (double) tp;
            }
        }
        if (denseLayers > 0) {
            bytesFfn += (double) denseLayers * 1 * 3 * d * (double) dFfDense * weightBpp / (double) tp;
        }
        return (bytesAttn + bytesFfn) / bytesPerUs;
    }

    /** Ring all-reduce time: attention per layer, dense MLP per dense layer, MoE MLP when DP is 1. */
    private double allReduceUs(double tokens) {
        if (tp <= 1) {
            return 0;
        }
        double attention = allReduceBasis(numLayers, tokens) / (double) dp;
        double denseFfn = allReduceBasis(denseLayers, tokens) / (double) dp;
        double moeReduce = isMoe && moeLayers > 0 && dp == 1 ? allReduceBasis(moeLayers, tokens) : 0;
        return attention + denseFfn + moeReduce;
    }

    private double allReduceBasis(int units, double tokens) {
        double tpFactor = (double) (tp - 1) / (double) tp;
        return (double) units * tokens * (double) hiddenDim * activationBpp * 2.0 * tpFactor / bytesPerUs;
    }

    /** MoE dispatch/combine time, charged only with DP &gt; 1. */
    private double dispatchUs(double tokens) {
        if (!isMoe || dp <= 1) {
            return 0;
        }
        double hidden = hiddenDim;
        double group = moeGroup;
        double dpf = dp;
        double perLayer;
        if (topKDispatch) {
            double commTokens = (tokens / dpf) * (double) kEff * (group - 1) / group * 2;
            perLayer = commTokens * hidden * activationBpp / bytesPerUs;
        } else {
            perLayer = (tokens / dpf) * (group - 1) / group * 2 * hidden * activationBpp / bytesPerUs;
        }
        return perLayer * (double) moeLayers;
    }

    @Override
    public long queueingTimeUs(int inputLength) {
        return queueingUs;
    }

    @Override
    public long outputTokenProcessingTimeUs() {
        return outputTokenUs;
    }

    @Override
    public long postDecodeFixedOverheadUs() {
        return postDecodeUs;
    }
}
