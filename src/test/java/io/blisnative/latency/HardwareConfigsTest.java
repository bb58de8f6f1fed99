package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareConfigsTest {

    @TempDir
    Path dir;

    @Test
    void readBlisJson_referenceFile_fourGpusWithCommentsIgnored() {
        // given BLIS's hardware_config.json, whose entries carry "_comment" keys
        Path file = TestPaths.blisReference().resolve("hardware_config.json");
        // when
        Map<String, HardwareConfig> gpus = HardwareConfigs.readBlisJson(file);
        // then
        assertEquals(List.of("A100-80", "A100-SXM", "H100", "L40S"), List.copyOf(gpus.keySet()));
        assertEquals(new HardwareConfig(989.5, 1979.0, 3.35, 0.45, 0.30, 80.0), gpus.get("H100"));
        assertEquals(new HardwareConfig(362.05, 1466.0, 0.864, 0.32, 0.08, 48.0), gpus.get("L40S"));
    }

    @Test
    void load_optionalFieldsAbsent_areZero() throws IOException {
        // given an entry without TFlopsFP8 and MemoryGiB
        Path file = Files.writeString(dir.resolve("hw.json"),
                "{\"_comment\": \"test\", \"X1\": {\"TFlopsPeak\": 100, \"BwPeakTBs\": 1.5, \"mfuPrefill\": 0.5,"
                        + " \"mfuDecode\": 0.2}}");
        // when
        HardwareConfig hw = HardwareConfigs.load(file, "X1");
        // then
        assertEquals(new HardwareConfig(100, 0, 1.5, 0.5, 0.2, 0), hw);
    }

    @Test
    void load_invalidFiles_errorNamesFileGpuAndField() throws IOException {
        // given an unknown key, a missing key, a non-number, a negative peak and an unknown GPU
        Path unknown = json("{\"G\": {\"TFlopsPeak\": 1, \"BwPeakTBs\": 1, \"mfuPrefill\": 0.5, \"mfuDecode\": 0.2,"
                + " \"MemoryGB\": 80}}");
        Path missing = json("{\"G\": {\"TFlopsPeak\": 1, \"mfuPrefill\": 0.5, \"mfuDecode\": 0.2}}");
        Path text = json("{\"G\": {\"TFlopsPeak\": \"1\", \"BwPeakTBs\": 1, \"mfuPrefill\": 0.5, \"mfuDecode\": 0.2}}");
        Path valid = json("{\"G\": {\"TFlopsPeak\": 1, \"BwPeakTBs\": 1, \"mfuPrefill\": 0.5, \"mfuDecode\": 0.2}}");
        Path negative = json("{\"G\": {\"TFlopsPeak\": -1, \"BwPeakTBs\": 1, \"mfuPrefill\": 0.5, \"mfuDecode\": 0.2}}");
        // when / then
        assertMessage(unknown + ": GPU 'G': unknown field 'MemoryGB'", () -> HardwareConfigs.load(unknown, "G"));
        assertMessage("GPU 'G': field 'BwPeakTBs' is missing", () -> HardwareConfigs.load(missing, "G"));
        assertMessage("field 'TFlopsPeak' must be a number", () -> HardwareConfigs.load(text, "G"));
        assertMessage("tFlopsPeak must be a finite number > 0", () -> HardwareConfigs.load(negative, "G"));
        assertMessage("GPU 'B200' not found (available: G)", () -> HardwareConfigs.load(valid, "B200"));
    }

    private int files;

    private Path json(String text) throws IOException {
        return Files.writeString(dir.resolve("hw" + (files++) + ".json"), text);
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
