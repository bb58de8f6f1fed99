package io.blisnative.cli;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.Coefficients;
import io.blisnative.latency.LatencyConfig;
import io.blisnative.latency.LatencyModels;
import io.blisnative.latency.RooflineV2Overheads;
import io.blisnative.latency.SchedulingOverhead;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resolves the latency options beyond the coefficients: roofline-v2's bandwidth efficiency and
 * overheads (flag, else --coefficients file, else the GPU's figure or 0) and the scheduling
 * overhead any model can carry. A roofline-v2 option given with another latency model is an error.
 */
final class LatencyExtras {
    private LatencyExtras() {
    }

    /** Sustained/peak bandwidth: --bw-efficiency, else the catalog GPU's; always 1 for other models. */
    static double bandwidthEfficiency(Catalog catalog, SimOptions o, String latencyName, String gpu) {
        if (!latencyName.equals(LatencyModels.ROOFLINE_V2)) {
            rejectV2Flag("--bw-efficiency", o.bwEfficiency);
            return 1.0;
        }
        if (o.bwEfficiency != null) {
            if (!(o.bwEfficiency > 0 && o.bwEfficiency <= 1)) {
                throw new IllegalArgumentException("--bw-efficiency must be in (0, 1], got " + o.bwEfficiency);
            }
            return o.bwEfficiency;
        }
        return catalog.bandwidthEfficiency(gpu, o.hardwareConfig == null ? null : Path.of(o.hardwareConfig));
    }

    /** roofline-v2 overheads: each flag over the coefficients file's figure (null file = none). */
    static RooflineV2Overheads rooflineV2(SimOptions o, String latencyName, Coefficients file) {
        RooflineV2Overheads fromFile = file == null ? RooflineV2Overheads.NONE : file.rooflineV2();
        if (!latencyName.equals(LatencyModels.ROOFLINE_V2)) {
            rejectV2Flag("--step-overhead-us", o.stepOverheadUs);
            rejectV2Flag("--prefill-overhead-us", o.prefillOverheadUs);
            rejectV2Flag("--mixed-prefill-overhead-us", o.mixedPrefillOverheadUs);
            rejectV2Flag("--allreduce-latency-us", o.allReduceLatencyUs);
            if (!fromFile.equals(RooflineV2Overheads.NONE)) {
                throw new IllegalArgumentException(o.coefficientsFile + " holds roofline-v2 overheads; use it with "
                        + "--latency-model " + LatencyModels.ROOFLINE_V2);
            }
            return RooflineV2Overheads.NONE;
        }
        return new RooflineV2Overheads(
                nonNegative("--step-overhead-us", o.stepOverheadUs, fromFile.stepOverheadUs()),
                nonNegative("--prefill-overhead-us", o.prefillOverheadUs, fromFile.prefillOverheadUs()),
                nonNegative("--mixed-prefill-overhead-us", o.mixedPrefillOverheadUs, fromFile.mixedPrefillOverheadUs()),
                nonNegative("--allreduce-latency-us", o.allReduceLatencyUs, fromFile.allReduceLatencyUs()));
    }

    /** The CPU scheduling cost wrapped around the step-time model; none unless a flag sets one. */
    static SchedulingOverhead scheduling(SimOptions o, boolean async) {
        return new SchedulingOverhead(
                nonNegative("--sched-overhead-us", o.schedOverheadUs, 0),
                nonNegative("--sched-overhead-per-request-us", o.schedOverheadPerRequestUs, 0),
                nonNegative("--postprocess-overhead-us", o.postprocessOverheadUs, 0),
                async);
    }

    /** The latency model's name with its non-default options, for the one-line server description. */
    static String describe(LatencyConfig c) {
        StringBuilder s = new StringBuilder(c.name());
        if (c.name().equals(LatencyModels.ROOFLINE_V2)) {
            RooflineV2Overheads v = c.rooflineV2();
            s.append(String.format(Locale.ROOT, " (bandwidth %s of peak", TextTable.number(c.bandwidthEfficiency())));
            if (!v.equals(RooflineV2Overheads.NONE)) {
                s.append(String.format(Locale.ROOT, "; overheads us: step %s, prefill %s, mixed prefill %s, all-reduce %s",
                        TextTable.number(v.stepOverheadUs()), TextTable.number(v.prefillOverheadUs()),
                        TextTable.number(v.mixedPrefillOverheadUs()), TextTable.number(v.allReduceLatencyUs())));
            }
            s.append(')');
        }
        SchedulingOverhead sched = c.scheduling();
        if (!sched.isNone()) {
            s.append(String.format(Locale.ROOT, " + %s scheduling us: %s per step, %s per request, %s post-processing",
                    sched.async() ? "async" : "sync", TextTable.number(sched.perStepUs()),
                    TextTable.number(sched.perRequestUs()), TextTable.number(sched.postprocessUs())));
        }
        return s.toString();
    }

    private static void rejectV2Flag(String flag, Double value) {
        if (value != null) {
            throw new IllegalArgumentException(flag + " applies only to --latency-model " + LatencyModels.ROOFLINE_V2);
        }
    }

    private static double nonNegative(String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || value.isInfinite()) {
            throw new IllegalArgumentException(flag + " must be a finite number >= 0, got " + value);
        }
        return value;
    }
}
