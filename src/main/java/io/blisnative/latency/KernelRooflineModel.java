package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;

/**
 * Step time of one vLLM engine step summed kernel by kernel, each kernel priced by its own
 * roofline, plus the fixed costs a step pays around the kernels. All times in µs.
 *
 * <p>Per transformer layer, on one GPU of a TP group, with n tokens in the step:
 * <pre>
 *   GEMMs      ‖(β0·weightBytes/BW, β1·gemmFlops(n)/F)‖_p      projections and MLP (MoE: touched experts)
 *   attention  β2·kvBytesRead/BW + β3·prefillAttnFlops/F16      decode reads the KV cache, prefill computes
 *   all-reduce 2·(β4·log2(TP) + β5·ringMB(n))                   only when TP &gt; 1
 *   fixed      β6 (+ β9 on an MoE layer)                        norms, rotary, activations, launches
 * step = Σ layers + lm_head GEMM + β7 + β8·requests
 * first-token delivery = β11·requests                              added to TTFT (and E2E), not to the clock
 * </pre>
 * where ‖(a, b)‖_p = (a^p + b^p)^(1/p) with p = β10 blends the memory- and compute-bound
 * regimes of a GEMM (p → ∞ is the hard roofline max), BW is peak HBM bandwidth, F the peak
 * FLOP/s of the weights' dtype and F16 the 16-bit peak. A GEMM streams its weights once per step
 * whatever n is, so weight time does not grow with the batch; routed experts count only those
 * touched: E·(1 − (1 − k/E)^n). KV heads are split across TP and replicated when TP exceeds them;
 * MLA models read their compressed KV (rank + rope dims) on every GPU. The MLP is the gated
 * three-matrix form. An all-reduce pays a latency that grows with the log of the group size (the
 * step count of recursive-doubling algorithms) plus its ring traffic 2·(TP − 1)/TP·n·d·bytes.
 *
 * <p>Beta layout: [0] weight streaming factor (1/efficiency), [1] GEMM compute factor, [2] KV read
 * factor, [3] prefill attention compute factor, [4] µs per all-reduce and log2(TP), [5] µs per MB of all-reduce
 * ring traffic per GPU, [6] µs per layer, [7] µs per step, [8] µs per scheduled request, [9] µs per
 * MoE layer, [10] roofline blend exponent p ≥ 1, [11] µs of first-token delivery per request in the
 * step (the API server handles every running request's output of a step before the next). Alphas as
 * trained-physics: queueing (API front-end) {@code trunc(α0)}, post-decode {@code trunc(α1)}, per
 * output token {@code trunc(α2)}.
 *
 * <p>{@link #stepTimeUs} allocates nothing; the result is truncated to whole µs, at least 1.
 */
public final class KernelRooflineModel implements LatencyModel {

    /** Number of beta coefficients this model takes. */
    public static final int BETAS = 12;

    private final double weightFactor;
    private final double computeFactor;
    private final double kvFactor;
    private final double attentionFactor;
    private final double allReduceUs;
    private final double allReduceUsPerMb;
    private final double perLayerUs;
    private final double perStepUs;
    private final double perRequestUs;
    private final double perMoeLayerUs;
    private final double exponent;
    private final double deliveryUsPerRequest;
    private final long queueingUs;
    private final long postDecodeUs;
    private final long outputTokenUs;

    private final ModelShape shape;
    private final double bytesPerUs;
    private final double gemmFlopsPerUs;
    private final double attentionFlopsPerUs;
    /** The GEMM terms depend only on the step's integer token or logit-row count (see {@link CountMemo}). */
    private final CountMemo denseGemmByTokens = new CountMemo(this::denseGemm);
    private final CountMemo moeGemmByTokens = new CountMemo(this::moeGemm);
    private final CountMemo lmHeadGemmByRows = new CountMemo(this::lmHeadGemm);

    /**
     * @param alpha three finite non-negative alphas (µs)
     * @param beta  {@value #BETAS} finite non-negative betas; beta[10] ≥ 1
     * @throws IllegalArgumentException when TP ≤ 0, heads are not a multiple of TP, a coefficient is
     *         missing, negative or not finite, or the exponent is below 1
     */
    public KernelRooflineModel(ModelConfig model, HardwareConfig hw, int tp, double[] alpha, double[] beta) {
        Coefficients.check("alpha", alpha, 3, 3);
        Coefficients.check("beta", beta, BETAS, BETAS);
        if (beta[10] < 1) {
            throw new IllegalArgumentException("beta[10] (roofline blend exponent) must be >= 1, got " + beta[10]);
        }
        this.shape = new ModelShape(model, tp);
        this.weightFactor = beta[0];
        this.computeFactor = beta[1];
        this.kvFactor = beta[2];
        this.attentionFactor = beta[3];
        this.allReduceUs = beta[4] * (Math.log(tp) / Math.log(2));
        this.allReduceUsPerMb = beta[5];
        this.perLayerUs = beta[6];
        this.perStepUs = beta[7];
        this.perRequestUs = beta[8];
        this.perMoeLayerUs = beta[9];
        this.exponent = beta[10];
        this.deliveryUsPerRequest = beta[11];
        this.queueingUs = GoMath.truncToLong(alpha[0]);
        this.postDecodeUs = GoMath.truncToLong(alpha[1]);
        this.outputTokenUs = GoMath.truncToLong(alpha[2]);
        this.bytesPerUs = hw.bwPeakTBs() * 1e6;
        this.gemmFlopsPerUs = hw.peakTFlopsFor(model) * 1e6;
        this.attentionFlopsPerUs = hw.tFlopsPeak() * 1e6;
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        int n = batch.size();
        if (batch.requests() == 0) {
            return 1;
        }
        double tokens = 0;
        double logitRows = 0;
        double kvTokensRead = 0;
        double prefillPairs = 0;
        for (int i = 0; i < n; i++) {
            int progress = batch.progress(i);
            if (batch.isPrefill(i)) {
                double t = batch.newTokens(i);
                tokens += t;
                kvTokensRead += progress;
                prefillPairs += t * (progress + t / 2);
                if (progress + batch.newTokens(i) >= batch.inputLength(i)) {
                    logitRows++;
                }
            } else if (batch.outputLength(i) > 0) {
                tokens++;
                logitRows++;
                kvTokensRead += progress;
            }
        }
        tokens += batch.aggregateDecodes();
        logitRows += batch.aggregateDecodes();
        kvTokensRead += batch.aggregateDecodeProgress();
        if (tokens == 0) {
            return 1;
        }
        double attention = kvFactor * kvTokensRead * shape.kvBytesPerTokenLayer / bytesPerUs
                + attentionFactor * prefillPairs * shape.attentionFlopsPerPair / attentionFlopsPerUs;
        double perLayerCommon = attention + allReduce(tokens) + perLayerUs;
        double dense = shape.denseLayers * (denseGemmByTokens.get((int) tokens) + perLayerCommon);
        double moe = 0;
        if (shape.moeLayers > 0) {
            moe = shape.moeLayers * (moeGemmByTokens.get((int) tokens) + perLayerCommon + perMoeLayerUs);
        }
        double lmHead = lmHeadGemmByRows.get((int) logitRows);
        double step = dense + moe + lmHead + perStepUs + perRequestUs * batch.requests();
        return Math.max(1, GoMath.truncToLong(step));
    }

    /** Decodes enter only as token counts and sums of integer context lengths, so a summary prices exactly alike. */
    @Override
    public boolean pricesAggregateDecodes() {
        return true;
    }

    /** GEMMs of one dense layer for a step of {@code tokens} tokens. */
    double denseGemm(int tokens) {
        return gemm(shape.denseLayerWeightBytes, shape.denseLayerFlopsPerToken * tokens);
    }

    /** GEMMs of one MoE layer (attention, shared and touched routed experts) for {@code tokens} tokens. */
    double moeGemm(int tokens) {
        double touched = shape.expertsTouched(tokens);
        return gemm(shape.attentionWeightBytes + shape.sharedExpertWeightBytes + touched * shape.expertWeightBytes,
                shape.moeLayerFlopsPerToken * tokens);
    }

    /** The lm_head GEMM for {@code rows} logit rows. */
    double lmHeadGemm(int rows) {
        return gemm(shape.lmHeadWeightBytes, shape.lmHeadFlopsPerRow * rows);
    }

    /** One GEMM group: weight streaming and FLOPs blended by the p-norm. */
    private double gemm(double weightBytes, double flops) {
        double memory = weightFactor * weightBytes / bytesPerUs;
        double compute = computeFactor * flops / gemmFlopsPerUs;
        if (compute <= 0) {
            return memory;
        }
        if (memory <= 0) {
            return compute;
        }
        double hi = Math.max(memory, compute);
        double lo = Math.min(memory, compute);
        return hi * Math.pow(1 + Math.pow(lo / hi, exponent), 1 / exponent);
    }

    /** Two all-reduces per layer (after attention and after the MLP); none at TP 1. */
    private double allReduce(double tokens) {
        if (shape.tp <= 1) {
            return 0;
        }
        double ringMb = shape.allReduceRingBytesPerToken * tokens / 1e6;
        return 2 * (allReduceUs + allReduceUsPerMb * ringMb);
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

    @Override
    public long firstTokenDeliveryUs(int batchSize) {
        return GoMath.truncToLong(deliveryUsPerRequest * batchSize);
    }
}
