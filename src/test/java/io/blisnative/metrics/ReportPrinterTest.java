package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Golden renders: fixed reports (see {@link ReportFixtures}, whose errors are round numbers checked
 * by hand in the comments below) must print exactly this text.
 */
class ReportPrinterTest {

    private static final String SINGLE_TABLE = """
            Experiment llama-7b-general (workload general, trace data/llama.csv); latencies in ms, error % = (sim - meas) / meas x 100
            metric  meas mean  sim mean   err %  meas p50  sim p50  p50 err %  meas p90  sim p90  p90 err %  meas p99  sim p99  p99 err %
            ------  ---------  --------  ------  --------  -------  ---------  --------  -------  ---------  --------  -------  ---------
            E2E       2000.00   2200.00  +10.00   1800.00  1800.00      +0.00   3000.00  2700.00     -10.00   4000.00  5000.00     +25.00
            TTFT       100.00     80.00  -20.00     80.00    80.00      +0.00    150.00   150.00      +0.00    200.00   250.00     +25.00
            TPOT        20.00     21.00   +5.00     20.00    20.00      +0.00     25.00    25.00      +0.00     30.00    30.00      +0.00
            ITL         10.00     10.50   +5.00      9.00     9.00      +0.00       n/a    12.00        n/a       n/a    15.00        n/a

            Counts: requests 900, completed 890, timed out 4, dropped 6, preempted 12

            Per stage; latencies in ms, errors signed %
            stage  rate req/s  requests  completed  E2E meas  E2E sim  E2E err %  TTFT meas  TTFT sim  TTFT err %
            -----  ----------  --------  ---------  --------  -------  ---------  ---------  --------  ----------
                0        5.00       300        300   1000.00  1100.00     +10.00      50.00     45.00      -10.00
                1       10.50       600        590   3000.00  3300.00     +10.00        n/a       n/a         n/a

            Per-request agreement
            metric  pairs  MAPE %  Pearson r
            ------  -----  ------  ---------
            E2E         4   20.83      0.800

            Note: TPOT = (E2E - TTFT) / (output tokens - 1) per request, averaged over requests.
            """;

    private static final String SINGLE_CSV = """
            table,metric,measured_mean_ms,simulated_mean_ms,error_pct,measured_p50_ms,simulated_p50_ms,p50_error_pct,measured_p90_ms,simulated_p90_ms,p90_error_pct,measured_p99_ms,simulated_p99_ms,p99_error_pct
            metrics,e2e,2000.00,2200.00,10.00,1800.00,1800.00,0.00,3000.00,2700.00,-10.00,4000.00,5000.00,25.00
            metrics,ttft,100.00,80.00,-20.00,80.00,80.00,0.00,150.00,150.00,0.00,200.00,250.00,25.00
            metrics,tpot,20.00,21.00,5.00,20.00,20.00,0.00,25.00,25.00,0.00,30.00,30.00,0.00
            metrics,itl,10.00,10.50,5.00,9.00,9.00,0.00,,12.00,,,15.00,

            table,requests,completed,timed_out,dropped,preempted
            counts,900,890,4,6,12

            table,stage,rate_rps,requests,completed,e2e_measured_mean_ms,e2e_simulated_mean_ms,e2e_error_pct,ttft_measured_mean_ms,ttft_simulated_mean_ms,ttft_error_pct
            stages,0,5.00,300,300,1000.00,1100.00,10.00,50.00,45.00,-10.00
            stages,1,10.50,600,590,3000.00,3300.00,10.00,,,

            table,metric,pairs,mape_pct,pearson_r
            request_level,e2e,4,20.83,0.800
            """;

    private static final String SET_TABLE = """
            Per-experiment error, signed % = (sim - meas) / meas x 100
            experiment  workload   E2E %  TTFT %  TPOT %
            ----------  --------  ------  ------  ------
            exp-a       general   +10.00  -20.00   +5.00
            exp-b       codegen    -4.00  +30.00   -1.00
            exp-c       general    +6.00  -10.00   +3.00

            Workload codegen (1 experiment)
            experiment    E2E %  TTFT %  TPOT %
            ------------  -----  ------  ------
            exp-b         -4.00  +30.00   -1.00
            mean |err|     4.00   30.00    1.00
            median |err|   4.00   30.00    1.00

            Workload general (2 experiments)
            experiment     E2E %  TTFT %  TPOT %
            ------------  ------  ------  ------
            exp-a         +10.00  -20.00   +5.00
            exp-c          +6.00  -10.00   +3.00
            mean |err|      8.00   15.00    4.00
            median |err|    8.00   15.00    4.00

            Overall (3 experiments)
            statistic     E2E %  TTFT %  TPOT %
            ------------  -----  ------  ------
            mean |err|     6.67   20.00    3.00
            median |err|   6.00   20.00    3.00
            mean signed   +4.00   +0.00   +2.33

            Note: TPOT = (E2E - TTFT) / (output tokens - 1) per request, averaged over requests.
            """;

    private static final String SET_CSV = """
            table,experiment,workload,e2e_error_pct,ttft_error_pct,tpot_error_pct
            experiments,exp-a,general,10.00,-20.00,5.00
            experiments,exp-b,codegen,-4.00,30.00,-1.00
            experiments,exp-c,general,6.00,-10.00,3.00

            table,experiment,e2e_error_pct,ttft_error_pct,tpot_error_pct
            workload:codegen,exp-b,-4.00,30.00,-1.00
            workload:codegen,mean_abs_error_pct,4.00,30.00,1.00
            workload:codegen,median_abs_error_pct,4.00,30.00,1.00

            table,experiment,e2e_error_pct,ttft_error_pct,tpot_error_pct
            workload:general,exp-a,10.00,-20.00,5.00
            workload:general,exp-c,6.00,-10.00,3.00
            workload:general,mean_abs_error_pct,8.00,15.00,4.00
            workload:general,median_abs_error_pct,8.00,15.00,4.00

            table,statistic,e2e_pct,ttft_pct,tpot_pct
            overall,mean_abs_error_pct,6.67,20.00,3.00
            overall,median_abs_error_pct,6.00,20.00,3.00
            overall,mean_signed_error_pct,4.00,0.00,2.33
            """;

    private static final String COMPARE_TABLE = """
            Per-experiment error, signed %; Δpp = |treatment| - |baseline|
            experiment  workload  E2E base  E2E treat  E2E Δpp  TTFT base  TTFT treat  TTFT Δpp  TPOT base  TPOT treat  TPOT Δpp
            ----------  --------  --------  ---------  -------  ---------  ----------  --------  ---------  ----------  --------
            exp-a       general     +10.00      +5.00    -5.00     -20.00      -25.00     +5.00      +5.00       +5.00     +0.00
            exp-b       codegen      -4.00      -2.00    -2.00     +30.00      +10.00    -20.00      -1.00       -1.00     +0.00
            exp-c       general      +6.00      +6.00    +0.00     -10.00      -10.00     +0.00      +3.00       +3.00     +0.00

            Mean |error| per workload, %
            workload  experiments  E2E base  E2E treat  E2E Δpp  TTFT base  TTFT treat  TTFT Δpp  TPOT base  TPOT treat  TPOT Δpp
            --------  -----------  --------  ---------  -------  ---------  ----------  --------  ---------  ----------  --------
            codegen             1      4.00       2.00    -2.00      30.00       10.00    -20.00       1.00        1.00     +0.00
            general             2      8.00       5.50    -2.50      15.00       17.50     +2.50       4.00        4.00     +0.00

            Overall (3 experiments), %
            statistic     E2E base  E2E treat  E2E Δpp  TTFT base  TTFT treat  TTFT Δpp  TPOT base  TPOT treat  TPOT Δpp
            ------------  --------  ---------  -------  ---------  ----------  --------  ---------  ----------  --------
            mean |err|        6.67       4.33    -2.33      20.00       15.00     -5.00       3.00        3.00     +0.00
            median |err|      6.00       5.00    -1.00      20.00       10.00    -10.00       3.00        3.00     +0.00

            Note: TPOT = (E2E - TTFT) / (output tokens - 1) per request, averaged over requests.
            """;

    private static final String COMPARE_CSV = """
            table,experiment,workload,e2e_baseline_error_pct,e2e_treatment_error_pct,e2e_delta_pp,ttft_baseline_error_pct,ttft_treatment_error_pct,ttft_delta_pp,tpot_baseline_error_pct,tpot_treatment_error_pct,tpot_delta_pp
            experiments,exp-a,general,10.00,5.00,-5.00,-20.00,-25.00,5.00,5.00,5.00,0.00
            experiments,exp-b,codegen,-4.00,-2.00,-2.00,30.00,10.00,-20.00,-1.00,-1.00,0.00
            experiments,exp-c,general,6.00,6.00,0.00,-10.00,-10.00,0.00,3.00,3.00,0.00

            table,workload,experiments,e2e_baseline_mean_abs_error_pct,e2e_treatment_mean_abs_error_pct,e2e_delta_pp,ttft_baseline_mean_abs_error_pct,ttft_treatment_mean_abs_error_pct,ttft_delta_pp,tpot_baseline_mean_abs_error_pct,tpot_treatment_mean_abs_error_pct,tpot_delta_pp
            workloads,codegen,1,4.00,2.00,-2.00,30.00,10.00,-20.00,1.00,1.00,0.00
            workloads,general,2,8.00,5.50,-2.50,15.00,17.50,2.50,4.00,4.00,0.00

            table,statistic,e2e_baseline_pct,e2e_treatment_pct,e2e_delta_pp,ttft_baseline_pct,ttft_treatment_pct,ttft_delta_pp,tpot_baseline_pct,tpot_treatment_pct,tpot_delta_pp
            overall,mean_abs_error_pct,6.67,4.33,-2.33,20.00,15.00,-5.00,3.00,3.00,0.00
            overall,median_abs_error_pct,6.00,5.00,-1.00,20.00,10.00,-10.00,3.00,3.00,0.00
            """;

    private static String render(Format format, ReportSet set) {
        StringWriter sw = new StringWriter();
        new ReportPrinter(format).print(set, new PrintWriter(sw));
        return sw.toString();
    }

    private static String render(Format format, ReportComparison c) {
        StringWriter sw = new StringWriter();
        new ReportPrinter(format).print(c, new PrintWriter(sw));
        return sw.toString();
    }

    static ReportComparison comparison() {
        // treatment: exp-a E2E +5 (|err| down 5 pp), TTFT -25 (up 5 pp); exp-b E2E -2, TTFT +10
        return new ReportComparison(ReportFixtures.threeExperiments(), ReportSet.of(
                ReportFixtures.experiment("exp-a", "general", 5, -25, 5),
                ReportFixtures.experiment("exp-b", "codegen", -2, 10, -1),
                ReportFixtures.experiment("exp-c", "general", 6, -10, 3)));
    }

    @Test
    void print_singleExperimentTable_matchesGolden() {
        // given one experiment with stages, ITL and E2E request pairs (MAPE (1/2 + 1/3)/4 = 20.83 %, r = 0.8)
        ReportSet set = ReportSet.of(ReportFixtures.richExperiment());
        // when / then
        assertEquals(SINGLE_TABLE, render(Format.TABLE, set));
    }

    @Test
    void print_singleExperimentCsv_matchesGolden() {
        // given
        ReportSet set = ReportSet.of(ReportFixtures.richExperiment());
        // when / then undefined figures are empty fields and signs are dropped
        assertEquals(SINGLE_CSV, render(Format.CSV, set));
    }

    @Test
    void print_threeExperimentsTable_matchesGolden() {
        // given E2E +10/-4/+6, TTFT -20/+30/-10, TPOT +5/-1/+3:
        // overall mean |E2E| 6.67, median 6, bias +4; TTFT mean 20, median 20, bias 0
        ReportSet set = ReportFixtures.threeExperiments();
        // when / then
        assertEquals(SET_TABLE, render(Format.TABLE, set));
    }

    @Test
    void print_threeExperimentsCsv_matchesGolden() {
        // given / when / then
        assertEquals(SET_CSV, render(Format.CSV, ReportFixtures.threeExperiments()));
    }

    @Test
    void print_comparisonTable_matchesGolden() {
        // given treatment |E2E| 5, 2, 6 (mean 4.33, median 5) against baseline 10, 4, 6 (6.67, 6)
        ReportComparison c = comparison();
        // when / then delta = |treatment| - |baseline|: -2.33 pp mean, -1 pp median
        assertEquals(COMPARE_TABLE, render(Format.TABLE, c));
    }

    @Test
    void print_comparisonCsv_matchesGolden() {
        // given / when / then
        assertEquals(COMPARE_CSV, render(Format.CSV, comparison()));
    }

    @Test
    void print_markdown_escapesPipesAndRightAlignsNumbers() {
        // given
        String md = render(Format.MARKDOWN, ReportFixtures.threeExperiments());
        // when / then
        assertTrue(md.contains("### Overall (3 experiments)\n\n| statistic | E2E % | TTFT % | TPOT % |\n"
                + "| :--- | ---: | ---: | ---: |\n| mean \\|err\\| | 6.67 | 20.00 | 3.00 |\n"), md);
    }
}
