package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/report.schema.json must describe exactly the keys the JSON writer emits. */
class ReportSchemaSyncTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode schemaDefs() throws Exception {
        String project = System.getProperty("blis.project.dir");
        Path schema = project == null ? null : Path.of(project, "docs", "report.schema.json");
        assumeTrue(schema != null && Files.isRegularFile(schema), "docs/report.schema.json not found");
        return MAPPER.readTree(schema.toFile()).path("$defs");
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.properties().forEach(p -> keys.add(p.getKey()));
        return keys;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void schema_metricAndOverallObjects_listTheWrittenKeysInOrder() throws Exception {
        // given the schema and a written report
        JsonNode defs = schemaDefs();
        JsonNode report = MAPPER.readTree(ReportJsonWriter.toJson(ReportSet.of(ReportFixtures.richExperiment())));
        JsonNode experiment = report.path("experiments").get(0);
        // when / then metric and overall objects hold exactly the schema's required keys, in that order
        assertEquals(texts(defs.path("metric").path("required")), keys(experiment.path("metrics").path("e2e")));
        assertEquals(texts(defs.path("overallMetric").path("required")), keys(report.path("overall").path("e2e")));
        assertEquals(texts(defs.path("report").path("required")), keys(report));
        // and every experiment key is declared
        List<String> declared = keys(defs.path("experiment").path("properties"));
        for (String key : keys(experiment)) {
            assertTrue(declared.contains(key), "schema lacks experiment key " + key);
        }
    }
}
