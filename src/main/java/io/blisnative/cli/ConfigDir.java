package io.blisnative.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the bundled catalog: --config-dir, else $BLIS_CONFIG_DIR (set by bin/blis-native), else
 * the system property blis.config.dir, else a config/ folder above the running jar or the
 * working directory.
 */
final class ConfigDir {
    private ConfigDir() {
    }

    static Path locate(String flag) {
        if (flag != null) {
            return Path.of(flag);
        }
        String env = System.getenv("BLIS_CONFIG_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String prop = System.getProperty("blis.config.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path found = searchUp(codeLocation());
        if (found == null) {
            found = searchUp(executableLocation());
        }
        if (found == null) {
            found = searchUp(Path.of("").toAbsolutePath());
        }
        if (found == null) {
            throw new IllegalArgumentException("catalog folder config/ not found; pass --config-dir DIR or set BLIS_CONFIG_DIR");
        }
        return found;
    }

    private static Path codeLocation() {
        try {
            return Path.of(ConfigDir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The running program itself: the only location a native executable knows. */
    private static Path executableLocation() {
        return ProcessHandle.current().info().command().map(Path::of).map(Path::getParent).orElse(null);
    }

    private static Path searchUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("config");
            if (Files.isRegularFile(candidate.resolve("hardware.yaml"))) {
                return candidate;
            }
        }
        return null;
    }
}
