package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBudgetTest {

    @Test
    void parse_threeMetrics_keepsBoundsInMetricOrder() {
        // given / when
        ErrorBudget b = ErrorBudget.parse(" tpot=15, E2E=10 ,ttft=12.5");
        // then keys are case-insensitive and iterate E2E, TTFT, TPOT
        assertEquals(List.of(MetricKind.E2E, MetricKind.TTFT, MetricKind.TPOT), List.copyOf(b.maxAbsErrorPct().keySet()));
        assertEquals(12.5, b.maxAbsErrorPct().get(MetricKind.TTFT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e2e", "e2e=", "=10", "e2e=10,", "foo=3", "e2e=-1", "e2e=abc", "e2e=1e3",
            "e2e=Infinity", "e2e=10,e2e=20"})
    void parse_badToken_throwsNamingIt(String spec) {
        // given / when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ErrorBudget.parse(spec));
        // then the message says what is wrong in one line
        assertTrue(e.getMessage().startsWith("bad max-error token") || e.getMessage().startsWith("empty max-error"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void violations_severalExperiments_useMeanAbsoluteError() {
        // given E2E |errors| 10, 4, 6 (mean 6.67) and TTFT 20, 30, 10 (mean 20)
        ReportSet set = ReportFixtures.threeExperiments();
        // when
        List<String> lines = ErrorBudget.parse("e2e=7,ttft=15").violations(set);
        // then only TTFT is over budget
        assertEquals(List.of("ttft: mean |error| over 3 experiments 20.00 % exceeds the budget of 15.00 %"), lines);
    }

    @Test
    void violations_singleExperiment_usesItsAbsoluteError() {
        // given one experiment with E2E +10 %, TTFT −20 %
        ReportSet set = ReportSet.of(ReportFixtures.experiment("exp-a", "general", 10, -20, 5));
        // when
        List<String> lines = ErrorBudget.parse("e2e=9.99,ttft=20").violations(set);
        // then E2E exceeds; TTFT at exactly the bound passes
        assertEquals(List.of("e2e: |error| of experiment exp-a 10.00 % exceeds the budget of 9.99 %"), lines);
    }

    @Test
    void violations_unmeasuredMetric_isReported() {
        // given a budget on ITL, which the fixtures do not measure
        ReportSet set = ReportFixtures.threeExperiments();
        // when
        List<String> lines = ErrorBudget.parse("itl=50").violations(set);
        // then the unchecked bound is not silently passed
        assertEquals(List.of("itl: no defined error to check against the budget of 50.00 %"), lines);
    }
}
