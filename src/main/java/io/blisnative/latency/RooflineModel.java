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

    private final int tp;
    private final AlphaTerms alpha;
    private final double peakFlops;
    private final double peakBandwidth;
    private final double mfuPrefill;
    private final double mfuDecode;
    private final RooflineCost cost;

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
        this.alpha = AlphaTerms.of(alpha);
        this.tp = tp;
        this.peakFlops = hw.peakTFlopsFor(model) * 1e12;
        this.peakBandwidth = hw.bwPeakTBs() * 1e12;
        this.mfuPrefill = hw.mfuPrefill();
        this.mfuDecode = hw.mfuDecode();
        this.cost = new RooflineCost(model);
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
                computeS += cost.flops(batch.progress(i), t) / tp / (peakFlops * mfuPrefill);
                dynamicBytes += cost.dynamicBytes(batch.progress(i), t) / tp;
                newTokens += t;
                prefills++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!batch.isPrefill(i) && batch.outputLength(i) > 0) {
                computeS += cost.flops(batch.progress(i), 1) / tp / (peakFlops * mfuDecode);
                dynamicBytes += cost.dynamicBytes(batch.progress(i), 1) / tp;
                decodes++;
            }
        }
        if (prefills == 0 && decodes == 0) {
            return 1;
        }
        double weightBytes = cost.modelWeights(newTokens + decodes) / tp;
        double memoryS = (weightBytes + dynamicBytes) / peakBandwidth;
        return Math.max(1, GoMath.truncToLong(Math.max(computeS, memoryS) * 1e6));
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
