package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareCommandTest {
    private static final String CONFIG = SharedFixtures.projectDir().resolve("config").toString();

    @Test
    void hardware_table_figuresAndSourcesPerGpu() {
        // given / when
        CliRunner.Result r = CliRunner.run(new HardwareCommand(), "--config-dir", CONFIG);
        // then
        assertEquals(0, r.exitCode(), r::toString);
        String h100 = ModelsCommandTest.line(r.out(), "H100 ");
        assertTrue(h100.matches("H100 +989\\.5 +1979 +3\\.35 +0\\.45 +0\\.3 +80 +0\\.82"), h100);
        String l40s = ModelsCommandTest.line(r.out(), "L40S ");
        assertTrue(l40s.matches("L40S +362\\.05 +1466 +0\\.864 +0\\.32 +0\\.08 +48 +1"), l40s);
        assertTrue(r.out().contains("  H100: BLIS hardware_config.json, entry H100"), r::toString);
        assertTrue(r.out().contains("  H100 bandwidth efficiency: BLIS commit a410740f"), r::toString);
        assertTrue(r.out().contains("  L40S bandwidth efficiency: no figure, peak bandwidth (1)"), r::toString);
    }

    @Test
    void hardware_json_everyGpuWithItsFigures() throws Exception {
        // given / when
        CliRunner.Result r = CliRunner.run(new HardwareCommand(), "--config-dir", CONFIG, "--format", "JSON");
        // then
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode gpus = new ObjectMapper().readTree(r.out()).get("gpus");
        assertEquals(List.of("A100-80", "A100-SXM", "H100", "L40S"), gpus.findValuesAsText("name"));
        JsonNode h100 = gpus.get(2);
        assertEquals(989.5, h100.get("tflops_peak").asDouble());
        assertEquals(0.82, h100.get("bandwidth_efficiency").asDouble());
        assertTrue(gpus.get(3).get("bandwidth_efficiency_source").isNull());
    }
}
