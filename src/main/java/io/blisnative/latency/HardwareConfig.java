package io.blisnative.latency;

/**
 * Peak figures of one GPU, as BLIS's hardware_config.json gives them.
 *
 * @param tFlopsPeak  dense BF16/FP16 tensor throughput in TFLOP/s (10^12 FLOP/s), &gt; 0
 * @param tFlopsFp8   FP8 tensor throughput in TFLOP/s, 0 = no native FP8
 * @param bwPeakTBs   HBM bandwidth in TB/s (10^12 B/s), &gt; 0
 * @param mfuPrefill  model-FLOPs utilisation the roofline assumes for prefill, in [0, 1]
 * @param mfuDecode   model-FLOPs utilisation the roofline assumes for decode, in [0, 1]
 * @param memoryGiB   HBM capacity per GPU in GiB (2^30 B), 0 = unknown (no KV auto-sizing)
 */
public record HardwareConfig(
        double tFlopsPeak,
        double tFlopsFp8,
        double bwPeakTBs,
        double mfuPrefill,
        double mfuDecode,
        double memoryGiB) {

    public HardwareConfig {
        positive("tFlopsPeak", tFlopsPeak);
        positive("bwPeakTBs", bwPeakTBs);
        nonNegative("tFlopsFp8", tFlopsFp8);
        nonNegative("memoryGiB", memoryGiB);
        fraction("mfuPrefill", mfuPrefill);
        fraction("mfuDecode", mfuDecode);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, got " + v);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + v);
        }
    }

    private static void fraction(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + v);
        }
    }

    /**
     * Peak FLOP/s the models divide by: the FP8 rate when weights are exactly one byte and the
     * GPU has native FP8, else the BF16 rate. Returned in TFLOP/s.
     */
    public double peakTFlopsFor(ModelConfig model) {
        if (model.effectiveWeightBytesPerParam() == 1.0 && tFlopsFp8 > 0) {
            return tFlopsFp8;
        }
        return tFlopsPeak;
    }
}
