package io.blisnative.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Two reports of the same experiments, e.g. before and after a change to the simulator. The
 * change in accuracy is {@link #deltaPp(double, double)}: negative means the treatment is closer to
 * the measurement.
 *
 * @param baseline  the reference report
 * @param treatment the report under test; must hold exactly the baseline's experiment names
 */
public record ReportComparison(ReportSet baseline, ReportSet treatment) {

    public ReportComparison {
        if (baseline == null || treatment == null) {
            throw new IllegalArgumentException("baseline and treatment must be non-null");
        }
        Set<String> b = names(baseline);
        Set<String> t = names(treatment);
        if (!b.equals(t)) {
            Set<String> onlyB = new TreeSet<>(b);
            onlyB.removeAll(t);
            Set<String> onlyT = new TreeSet<>(t);
            onlyT.removeAll(b);
            throw new IllegalArgumentException("baseline and treatment must hold the same experiments; only in baseline: "
                    + onlyB + ", only in treatment: " + onlyT);
        }
    }

    /** The treatment's experiment with the same name as {@code baselineExperiment}. */
    public ExperimentReport treatmentOf(ExperimentReport baselineExperiment) {
        return treatment.find(baselineExperiment.name());
    }

    /**
     * The treatment's versions of the experiments in {@code baselineSubset} (for example one
     * workload group of the baseline), in the same order, so both sides are grouped by the
     * baseline's workload labels.
     */
    public ReportSet treatmentOf(ReportSet baselineSubset) {
        return new ReportSet(baselineSubset.experiments().stream().map(this::treatmentOf).toList());
    }

    /**
     * Change of absolute error in percentage points, {@code |treatment| − |baseline|}.
     *
     * @param baselinePct  signed or absolute error of the baseline, in %
     * @param treatmentPct signed or absolute error of the treatment, in %
     * @return the difference in pp; NaN if either is NaN
     */
    public static double deltaPp(double baselinePct, double treatmentPct) {
        return Math.abs(treatmentPct) - Math.abs(baselinePct);
    }

    private static Set<String> names(ReportSet set) {
        return set.experiments().stream().map(ExperimentReport::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
