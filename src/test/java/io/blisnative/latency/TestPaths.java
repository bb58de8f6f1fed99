package io.blisnative.latency;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's config/ catalog and the shared reference folder are. */
final class TestPaths {

    private TestPaths() {
    }

    /** The project's own config/ folder (always present). */
    static Path configDir() {
        return Path.of(System.getProperty("blis.project.dir", ".")).resolve("config");
    }

    /** ../shared/blis-reference; skips the calling test when it is absent. */
    static Path blisReference() {
        String shared = System.getProperty("blis.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "blis-reference");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "../shared/blis-reference not found (blis.shared.dir=" + shared + "); reference checks skipped");
        return dir;
    }
}
