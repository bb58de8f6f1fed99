package io.blisnative.latency;

import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.StepBatch;

/**
 * The seed study's "roofline v2" (spec §3.4, BLIS side branches, never merged) on top of the
 * analytic per-request costs of {@link RooflineModel}. Per step:
 * <ol>
 *   <li>Each phase is its own roofline: prefill time {@code P = max(compute_P, memory_P)} over the
 *       prefill requests, decode time {@code D} likewise over the decode requests, each phase
 *       loading the weights once. Memory time uses sustained bandwidth, peak × bandwidth
 *       efficiency (H100: 0.82).</li>
 *   <li>A step with one phase takes that phase's time. A mixed step weights them by tokens
 *       (prefill tokens p, decode tokens d = decode requests): {@code 0.75·P + 0.25·D} when
 *       p &gt; 4d and p &gt; 100; {@code 0.35·P + 0.65·D} when d &gt; 2p and d &gt; 50; else
 *       {@code (p·P + d·D)/(p + d)}.</li>
 *   <li>Additive overheads ({@link RooflineV2Overheads}, all 0 by default): {@code L·2·allReduce}
 *       when TP &gt; 1; {@code T·(1 + 0.15·log2(n/2)·(0.3 + 2·decodes/n))} for n &gt; 2 scheduled
 *       requests, else {@code T}; {@code prefills × prefillOverhead}, or
 *       {@code × mixedPrefillOverhead} when the step also decodes.</li>
 * </ol>
 * The sum is rounded to the nearest µs (not truncated, as v2 did), at least 1; a step with no
 * prefill or decode work takes 1 µs. Alphas as {@link RooflineModel}.
 *
 * <p>The branch's MFU database (per-GEMM-shape MFU from benchmark CSVs, prefill length buckets,
 * causal /1.8 attention factor) is not reproduced: compute uses the GPU's fixed prefill and
 * decode MFUs. {@link #stepTimeUs} allocates nothing.
 */
public final class RooflineV2Model implements LatencyModel {

    private static final double SCALE_PER_DOUBLING = 0.15;
    private static final double SCALE_BASE = 0.3;
    private static final double SCALE_PER_DECODE_SHARE = 2.0;

    private final int tp;
    private final AlphaTerms alpha;
    private final double peakFlops;
    private final double sustainedBandwidth;
    private final double mfuPrefill;
    private final double mfuDecode;
    private final double numLayers;
    private final RooflineV2Overheads overheads;
    private final RooflineCost cost;

    /**
     * @param alpha               {α0 µs, α1 µs per input token, α2 µs per output token}, finite, ≥ 0
     * @param bandwidthEfficiency sustained / peak HBM bandwidth, in (0, 1]
     * @param overheads           additive overheads, {@link RooflineV2Overheads#NONE} for none
     * @throws IllegalArgumentException when TP ≤ 0, an MFU is 0, alpha is not three valid numbers,
     *         or the efficiency is outside (0, 1]
     */
    public RooflineV2Model(ModelConfig model, HardwareConfig hw, int tp, double[] alpha, double bandwidthEfficiency,
            RooflineV2Overheads overheads) {
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        if (!(hw.mfuPrefill() > 0) || !(hw.mfuDecode() > 0)) {
            throw new IllegalArgumentException("roofline-v2 needs mfuPrefill and mfuDecode > 0, got "
                    + hw.mfuPrefill() + " and " + hw.mfuDecode());
        }
        if (!(bandwidthEfficiency > 0 && bandwidthEfficiency <= 1)) {
            throw new IllegalArgumentException("bandwidth efficiency must be in (0, 1], got " + bandwidthEfficiency);
        }
        if (overheads == null) {
            throw new IllegalArgumentException("overheads must not be null (use RooflineV2Overheads.NONE)");
        }
        this.alpha = AlphaTerms.of(alpha);
        this.tp = tp;
        this.peakFlops = hw.peakTFlopsFor(model) * 1e12;
        this.sustainedBandwidth = hw.bwPeakTBs() * 1e12 * bandwidthEfficiency;
        this.mfuPrefill = hw.mfuPrefill();
        this.mfuDecode = hw.mfuDecode();
        this.numLayers = model.numLayers();
        this.overheads = overheads;
        this.cost = new RooflineCost(model);
    }

    @Override
    public long stepTimeUs(StepBatch batch) {
        double prefillComputeS = 0;
        double prefillBytes = 0;
        double decodeComputeS = 0;
        double decodeBytes = 0;
        long prefillTokens = 0;
        int prefills = 0;
        int decodes = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isPrefill(i)) {
                int t = batch.newTokens(i);
                prefillComputeS += cost.flops(batch.progress(i), t) / tp / (peakFlops * mfuPrefill);
                prefillBytes += cost.dynamicBytes(batch.progress(i), t) / tp;
                prefillTokens += t;
                prefills++;
            } else if (batch.outputLength(i) > 0) {
                decodeComputeS += cost.flops(batch.progress(i), 1) / tp / (peakFlops * mfuDecode);
                decodeBytes += cost.dynamicBytes(batch.progress(i), 1) / tp;
                decodes++;
            }
        }
        if (prefills == 0 && decodes == 0) {
            return 1;
        }
        double prefillS = prefills == 0 ? 0 : phaseSeconds(prefillComputeS, prefillBytes, prefillTokens);
        double decodeS = decodes == 0 ? 0 : phaseSeconds(decodeComputeS, decodeBytes, decodes);
        double hardwareS = prefills == 0 ? decodeS
                : decodes == 0 ? prefillS : blend(prefillS, decodeS, prefillTokens, decodes);
        double totalS = hardwareS + allReduceUs() / 1e6 + stepOverheadUs(prefills, decodes) / 1e6
                + prefillOverheadUs(prefills, decodes) / 1e6;
        return Math.max(1, GoMath.roundToLong(totalS * 1e6));
    }

    /** One phase's roofline: its compute, or its weights (loaded once) plus its KV and activation bytes. */
    private double phaseSeconds(double computeS, double dynamicBytes, long tokens) {
        double memoryS = (cost.modelWeights(tokens) / tp + dynamicBytes) / sustainedBandwidth;
        return Math.max(computeS, memoryS);
    }

    /** The seed study's blend of the two phase times of a mixed step. */
    private static double blend(double prefillS, double decodeS, long prefillTokens, int decodeTokens) {
        double p = prefillTokens;
        double d = decodeTokens;
        if (p > d * 4 && p > 100) {
            return 0.75 * prefillS + 0.25 * decodeS;
        }
        if (d > p * 2 && d > 50) {
            return 0.35 * prefillS + 0.65 * decodeS;
        }
        double total = p + d;
        return p / total * prefillS + d / total * decodeS;
    }

    private double allReduceUs() {
        return tp > 1 ? numLayers * 2 * overheads.allReduceLatencyUs() : 0;
    }

    private double stepOverheadUs(int prefills, int decodes) {
        double n = prefills + decodes;
        double t = overheads.stepOverheadUs();
        if (n <= 2) {
            return t;
        }
        double decodeShare = decodes / n;
        double batchScale = SCALE_PER_DOUBLING * GoMath.log2(n / 2.0);
        return t * (1.0 + batchScale * (SCALE_BASE + SCALE_PER_DECODE_SHARE * decodeShare));
    }

    private double prefillOverheadUs(int prefills, int decodes) {
        if (prefills == 0) {
            return 0;
        }
        return prefills * (decodes == 0 ? overheads.prefillOverheadUs() : overheads.mixedPrefillOverheadUs());
    }

    @Override
    public long queueingTimeUs(int inputLength) {
        return alpha.queueingTimeUs(inputLength);
    }

    @Override
    public long outputTokenProcessingTimeUs() {
        return alpha.outputTokenProcessingTimeUs();
    }

    @Override
    public long postDecodeFixedOverheadUs() {
        return 0;
    }
}
