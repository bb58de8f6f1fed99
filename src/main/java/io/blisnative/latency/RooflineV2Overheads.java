package io.blisnative.latency;

/**
 * The optional additive overheads of {@link RooflineV2Model}, all in µs and all off (0) by
 * default. They are the terms of the seed study's refuted overhead hypothesis (spec §3.4): a
 * per-step overhead scaled up with batch size and decode share, a per-prefill-request overhead
 * (one figure for steps of prefills only, another for steps that also decode), and a per-layer
 * TP all-reduce latency.
 *
 * @param stepOverheadUs         T_overhead, per step, ≥ 0
 * @param prefillOverheadUs      per prefill request in a step with no decodes, ≥ 0
 * @param mixedPrefillOverheadUs per prefill request in a step that also decodes, ≥ 0
 * @param allReduceLatencyUs     per all-reduce (two per layer) when TP &gt; 1, ≥ 0
 */
public record RooflineV2Overheads(double stepOverheadUs, double prefillOverheadUs, double mixedPrefillOverheadUs,
        double allReduceLatencyUs) {

    /** Every overhead off. */
    public static final RooflineV2Overheads NONE = new RooflineV2Overheads(0, 0, 0, 0);

    public RooflineV2Overheads {
        nonNegative("stepOverheadUs", stepOverheadUs);
        nonNegative("prefillOverheadUs", prefillOverheadUs);
        nonNegative("mixedPrefillOverheadUs", mixedPrefillOverheadUs);
        nonNegative("allReduceLatencyUs", allReduceLatencyUs);
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + v);
        }
    }
}
