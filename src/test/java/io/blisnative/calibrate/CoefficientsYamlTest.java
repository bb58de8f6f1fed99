package io.blisnative.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.Coefficients;
import io.blisnative.metrics.MetricKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoefficientsYamlTest {

    @Test
    void write_readsBackAsACatalogCoefficientsFile(@TempDir Path dir) throws Exception {
        // given a fit of two experiments and one leave-one-out fold
        ParameterSpace space = new ParameterSpace(new double[] {8000, 0, 0}, new double[] {1.2, 0.000125, 3},
                List.of(FitParameter.parse("alpha0=0:40000"), FitParameter.parse("beta0=0.8:2")));
        FitResult fit = new FitResult(new double[] {7321.5, 0, 0}, new double[] {1.17, 0.000125, 3}, 0.0421, 57,
                List.of(Reports.report("exp \"a\"", 1.02, 0.9, 1.01), Reports.report("b", 0.97, 1.1, 0.99)));
        HoldoutFold fold = new HoldoutFold("b", "b", fit, Reports.report("b", 1.05, 1.2, 1.04), 0.3);
        HoldoutFold byModel = new HoldoutFold("b", "model-x", fit, Reports.report("b", 0.9, 1, 1), 0.5);
        var holdouts = new java.util.LinkedHashMap<String, List<HoldoutFold>>();
        holdouts.put("leave_one_out", List.of(fold));
        holdouts.put("leave_one_model_out", List.of(byModel));
        var provenance = new CoefficientsYaml.Provenance("kernel-roofline", List.of("header line"),
                OptimizerKind.BOBYQA, true, space, CalibrationLoss.PRODUCT_GOALS);
        // when
        String yaml = CoefficientsYaml.write(provenance, fit, holdouts);
        Path file = dir.resolve("fit.yaml");
        Files.writeString(file, yaml);
        Coefficients read = Catalog.readCoefficients(file);
        // then the coefficients, model and scheduling read back exactly; provenance is in the text
        assertEquals("kernel-roofline", read.latencyModel());
        assertArrayEquals(new double[] {7321.5, 0, 0}, read.alpha(), 0);
        assertArrayEquals(new double[] {1.17, 0.000125, 3}, read.beta(), 0);
        assertTrue(read.asyncScheduling());
        assertTrue(yaml.startsWith("# header line\n"), yaml);
        assertTrue(yaml.contains("    \"exp \\\"a\\\"\": {e2e: 2.00, ttft: -10.00, tpot: 1.00}"), yaml);
        assertTrue(yaml.contains("    \"b\": {train_loss: 0.042100, test_loss: 0.300000, e2e: 5.00, ttft: 20.00,"
                + " tpot: 4.00}"), yaml);
        assertTrue(yaml.contains("  leave_one_out_median_abs_error_pct: {e2e: 5.00, ttft: 20.00, tpot: 4.00}"), yaml);
        assertTrue(yaml.contains("    alpha0: [0, 40000]"), yaml);
        assertTrue(yaml.contains("    \"b\": {group: \"model-x\", train_loss: 0.042100, test_loss: 0.500000, e2e: -10.00,"),
                yaml);
        assertTrue(read.split().contains("calibration.leave_one_out, calibration.leave_one_model_out"), read.split());
        assertEquals(yaml, CoefficientsYaml.write(provenance, fit, holdouts), "deterministic");
    }

    @Test
    void medianAbsErrorPct_evenCount_meanOfMiddleTwo() {
        // given |E2E errors| 2, 3, 5, 10 %
        var reports = List.of(Reports.report("a", 1.02, 1, 1), Reports.report("b", 0.97, 1, 1),
                Reports.report("c", 1.05, 1, 1), Reports.report("d", 0.9, 1, 1));
        // when / then
        assertEquals(4, CoefficientsYaml.medianAbsErrorPct(reports, MetricKind.E2E), 1e-9);
    }
}
