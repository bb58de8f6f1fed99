package io.blisnative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One responsibility per package, dependencies pointing one way: cli on everything, nothing on cli;
 * the kernel (sim) only on kv; formats (trace) and the cache (kv) on nothing of ours.
 */
class PackageDependencyTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "kv", Set.of(),
            "trace", Set.of(),
            "sim", Set.of("kv"),
            "latency", Set.of("sim"),
            "workload", Set.of("sim", "kv", "trace"),
            "metrics", Set.of("sim", "trace"),
            "calibrate", Set.of("sim", "kv", "latency", "workload", "metrics", "trace"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.blisnative\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void imports_followTheLayering_nothingDependsOnCli() throws IOException {
        Path root = Path.of(System.getProperty("blis.project.dir", ".")).resolve("src/main/java/io/blisnative");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(file).getName(0).toString();
                if (pkg.equals("cli")) {
                    continue;
                }
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(file + ": package '" + pkg + "' has no declared dependencies in this test");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(root.relativize(file) + " imports io.blisnative." + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
