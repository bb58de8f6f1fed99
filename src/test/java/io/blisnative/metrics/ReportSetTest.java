package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSetTest {

    @Test
    void byWorkload_twoWorkloads_sortedByNameKeepingReportOrder() {
        // given exp-a (general), exp-b (codegen), exp-c (general)
        ReportSet set = ReportFixtures.threeExperiments();
        // when
        Map<String, ReportSet> groups = set.byWorkload();
        // then
        assertEquals(List.of("codegen", "general"), List.copyOf(groups.keySet()));
        assertEquals(List.of("exp-a", "exp-c"),
                groups.get("general").experiments().stream().map(ExperimentReport::name).toList());
    }

    @Test
    void overall_perWorkload_usesOnlyThatWorkload() {
        // given general E2E errors +10 and +6
        OverallError general = ReportFixtures.threeExperiments().byWorkload().get("general").overall().get(MetricKind.E2E);
        // when / then
        assertEquals(8.0, general.meanAbsErrorPct(), 1e-9);
        assertEquals(8.0, general.meanSignedErrorPct(), 1e-9);
    }

    @Test
    void experimentReport_withoutTpot_throws() {
        // given / when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExperimentReport("x", "w", "",
                new RequestCounts(0, 0, 0, 0, 0), Map.of(MetricKind.E2E, sample(), MetricKind.TTFT, sample()),
                List.of(), List.of()));
        // then
        assertTrue(e.getMessage().contains("tpot"), e.getMessage());
    }

    @Test
    void comparison_differentExperiments_throwsListingThem() {
        // given a treatment lacking exp-c and holding exp-z
        ReportSet treatment = ReportSet.of(ReportFixtures.experiment("exp-a", "general", 1, 1, 1),
                ReportFixtures.experiment("exp-b", "codegen", 1, 1, 1),
                ReportFixtures.experiment("exp-z", "general", 1, 1, 1));
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportComparison(ReportFixtures.threeExperiments(), treatment));
        // then
        assertTrue(e.getMessage().contains("only in baseline: [exp-c], only in treatment: [exp-z]"), e.getMessage());
    }

    @Test
    void deltaPp_treatmentCloser_isNegative() {
        // given baseline -8 %, treatment +3 %
        // when / then |3| - |-8| = -5 pp
        assertEquals(-5.0, ReportComparison.deltaPp(-8, 3), 0.0);
    }

    private static MetricError sample() {
        return MetricError.of(new LatencySummary(1, 1, 1, 1, 1), new LatencySummary(1, 1, 1, 1, 1));
    }
}
