package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(ReportSet set) throws Exception {
        return MAPPER.readTree(ReportJsonWriter.toJson(set));
    }

    @Test
    void mergeJson_singleDocument_roundTripsEveryInput() throws Exception {
        // given a report with stages, ITL, missing percentiles and request pairs
        ReportSet original = ReportSet.of(ReportFixtures.richExperiment(),
                ReportFixtures.experiment("exp-b", "codegen", -4, 30, -1));
        // when it is written and read back
        ReportSet back = ReportSet.mergeJson(List.of(json(original)));
        // then the records are equal (NaN percentiles included) and re-writing gives the same bytes
        assertEquals(original, back);
        assertEquals(ReportJsonWriter.toJson(original), ReportJsonWriter.toJson(back));
    }

    @Test
    void merge_shardFiles_joinsExperimentsInFileOrder(@TempDir Path dir) throws Exception {
        // given a sweep written as two shards
        ReportSet all = ReportFixtures.threeExperiments();
        Path shard1 = dir.resolve("shard1.json");
        Path shard2 = dir.resolve("shard2.json");
        Files.writeString(shard1, ReportJsonWriter.toJson(new ReportSet(all.experiments().subList(0, 2))));
        Files.writeString(shard2, ReportJsonWriter.toJson(new ReportSet(all.experiments().subList(2, 3))));
        // when the shards are merged
        ReportSet merged = ReportSet.merge(List.of(shard1, shard2));
        // then the result equals the unsharded report, including its overall figures
        assertEquals(all, merged);
        assertEquals(ReportJsonWriter.toJson(all), ReportJsonWriter.toJson(merged));
    }

    @Test
    void write_metricObject_keysInContractOrder() throws Exception {
        // given / when
        JsonNode e2e = json(ReportFixtures.threeExperiments()).path("experiments").get(0).path("metrics").path("e2e");
        List<String> keys = new ArrayList<>();
        e2e.properties().forEach(p -> keys.add(p.getKey()));
        // then
        assertEquals(List.of("measured_mean_ms", "simulated_mean_ms", "error_pct",
                "measured_p50_ms", "simulated_p50_ms", "p50_error_pct",
                "measured_p90_ms", "simulated_p90_ms", "p90_error_pct",
                "measured_p99_ms", "simulated_p99_ms", "p99_error_pct",
                "abs_error_ms", "measured_count", "simulated_count"), keys);
    }

    @Test
    void write_overall_holdsMeanMedianAndBias() throws Exception {
        // given |E2E| errors 10, 4, 6 and signed 10, -4, 6
        JsonNode overall = json(ReportFixtures.threeExperiments()).path("overall").path("e2e");
        // when / then
        assertEquals(20.0 / 3, overall.path("mean_abs_error_pct").asDouble(), 1e-9);
        assertEquals(6.0, overall.path("median_abs_error_pct").asDouble(), 1e-9);
        assertEquals(4.0, overall.path("mean_signed_error_pct").asDouble(), 1e-9);
        assertEquals(3, overall.path("experiments").asInt());
    }

    @Test
    void write_missingPercentile_isNull() throws Exception {
        // given TPOT without a measured p99
        JsonNode tpot = json(ReportFixtures.threeExperiments()).path("experiments").get(0).path("metrics").path("tpot");
        // when / then both the figure and its error are null, never NaN or 0
        assertTrue(tpot.path("measured_p99_ms").isNull());
        assertTrue(tpot.path("p99_error_pct").isNull());
    }

    @Test
    void mergeJson_duplicateExperimentAcrossShards_throws() throws Exception {
        // given the same shard twice
        JsonNode doc = json(ReportFixtures.threeExperiments());
        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportSet.mergeJson(List.of(doc, doc)));
        assertTrue(e.getMessage().contains("'exp-a' repeats"), e.getMessage());
    }

    @Test
    void mergeJson_missingField_namesItsPath() throws Exception {
        // given a document whose second experiment lost its measured E2E mean
        ObjectNode doc = (ObjectNode) json(ReportFixtures.threeExperiments());
        ((ObjectNode) doc.path("experiments").get(1).path("metrics").path("e2e")).remove("measured_mean_ms");
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportSet.mergeJson(List.of(doc)));
        // then
        assertTrue(e.getMessage().contains("experiments[1].metrics.e2e"), e.getMessage());
        assertTrue(e.getMessage().contains("measured_mean_ms"), e.getMessage());
    }

    @Test
    void print_comparisonJson_holdsBothSidesAndDelta() throws Exception {
        // given
        StringWriter sw = new StringWriter();
        new ReportPrinter(Format.JSON).print(ReportPrinterTest.comparison(), new PrintWriter(sw));
        // when
        JsonNode root = MAPPER.readTree(sw.toString());
        // then the sides read back as reports, and exp-a's E2E moved from +10 % to +5 %: -5 pp
        assertEquals(ReportFixtures.threeExperiments(), ReportJsonReader.read(root.path("baseline")));
        JsonNode e2e = root.path("comparison").path("experiments").get(0).path("metrics").path("e2e");
        assertEquals(-5.0, e2e.path("delta_pp").asDouble(), 1e-9);
        JsonNode overall = root.path("comparison").path("overall").path("e2e");
        assertEquals(13.0 / 3 - 20.0 / 3, overall.path("delta_pp").asDouble(), 1e-9);
    }
}
