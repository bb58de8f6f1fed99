package io.blisnative.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (BLIS reference data and measured runs); tests skip with a reason when absent. */
final class SharedFixtures {
    private SharedFixtures() {
    }

    static Path shared() {
        Path dir = Path.of(System.getProperty("blis.shared.dir", "../shared"));
        assumeTrue(Files.isDirectory(dir), "skipped: reference folder " + dir.toAbsolutePath() + " not present");
        return dir;
    }

    static Path projectDir() {
        return Path.of(System.getProperty("blis.project.dir", "."));
    }
}
