package io.blisnative.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Shared fixtures: a small valid header, and the location of ../shared/data. */
final class TraceTestData {

    private TraceTestData() {
    }

    static TraceHeader header() {
        Provenance p = new Provenance("test", "unit", null, ConvertOptions.CONVERTED_BY, List.of("made in a test"));
        MeasuredStats overall = new MeasuredStats(null, 3, 1, new LatencyStats(5320.605252511035, 5452.0, 5724.9, 6632.4),
                new LatencyStats(103.0, 63.9, null, 881.9), null, null, 574.91, 245.8, 14.0);
        Measured m = new Measured("test definition", overall, List.of());
        return new TraceHeader(TraceHeader.FORMAT, TraceHeader.VERSION, "unit", "general", "meta-llama/Llama-2-7b-hf",
                "H100", 1, VllmSettings.defaults(), List.of(new TraceStage(0, 0, 1_000_000, 8.0)), 0, 42, p, m);
    }

    /** The measured-data folder, or skips the test when ../shared is absent. */
    static Path dataDir() {
        String shared = System.getProperty("blis.shared.dir");
        Path data = shared == null ? null : Path.of(shared, "data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(data),
                "../shared/data is absent (set blis.shared.dir); skipping tests on the measured data");
        return data;
    }

    /** The project's own folder (bundled traces and catalog). */
    static Path projectDir() {
        return Path.of(System.getProperty("blis.project.dir", "."));
    }

    static Path experiment(String folder) {
        return dataDir().resolve(folder);
    }

    static final String LLAMA70B_GENERAL = "20260217-202857-llama-2-70b-tp4-general";
    static final String LLAMA7B_REASONING = "20260217-170634-llama-2-7b-tp1-reasoning";
    static final String SIM2REAL = "sim2real-llama-3.1-8b-h100-w1_mid-blis1";
}
