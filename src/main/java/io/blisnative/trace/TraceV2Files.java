package io.blisnative.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Locates the two files of a BLIS TraceV2 trace: given {@code x.csv} its header is {@code x.yaml}
 * (or {@code x.yml}); given {@code x.yaml} its data is {@code x.csv}; given a folder, its
 * {@code trace_header.yaml} and {@code trace_data.csv}, or else its only YAML/CSV pair.
 *
 * @param header header YAML
 * @param data   data CSV
 * @param name   trace name: the file stem, or the folder name for a folder
 */
record TraceV2Files(Path header, Path data, String name) {

    static TraceV2Files locate(Path source) {
        if (Files.isDirectory(source)) {
            return inFolder(source);
        }
        String file = source.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        int dot = file.lastIndexOf('.');
        String stem = dot < 0 ? file : file.substring(0, dot);
        Path dir = source.toAbsolutePath().getParent();
        if (lower.endsWith(".csv")) {
            Path yaml = dir.resolve(stem + ".yaml");
            if (!Files.exists(yaml)) {
                yaml = dir.resolve(stem + ".yml");
            }
            return new TraceV2Files(requireExists(yaml, source, "header"), source, stem);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return new TraceV2Files(source, requireExists(dir.resolve(stem + ".csv"), source, "data"), stem);
        }
        throw new TraceFormatException(source.toString(), 0, null, "a TraceV2 source is a .csv, a .yaml or a folder");
    }

    private static TraceV2Files inFolder(Path dir) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        Path header = dir.resolve("trace_header.yaml");
        Path data = dir.resolve("trace_data.csv");
        if (Files.exists(header) && Files.exists(data)) {
            return new TraceV2Files(header, data, name);
        }
        List<Path> csvs = list(dir, ".csv");
        if (csvs.size() == 1) {
            TraceV2Files pair = locate(csvs.get(0));
            return new TraceV2Files(pair.header(), pair.data(), name);
        }
        throw new TraceFormatException(dir.toString(), 0, null, "folder has no trace_header.yaml + trace_data.csv"
                + " and not exactly one CSV (found " + csvs.size() + "); name the .csv or .yaml to convert");
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path requireExists(Path p, Path source, String role) {
        if (!Files.exists(p)) {
            throw new TraceFormatException(source.toString(), 0, null,
                    "TraceV2 " + role + " file " + p.getFileName() + " not found next to it");
        }
        return p;
    }
}
