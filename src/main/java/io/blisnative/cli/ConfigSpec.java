package io.blisnative.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * One side of a {@code compare}: simulator flags given inline ("--latency-model roofline-v2 --bw-efficiency 0.82")
 * or as a YAML file mapping flag names to values ({@code latency-model: roofline-v2}; true for switches).
 */
final class ConfigSpec {
    private ConfigSpec() {
    }

    /** Holder picocli parses a configuration's flags into. */
    static final class Holder {
        @Mixin
        SimOptions sim = new SimOptions();
    }

    static SimOptions parse(String spec, String what) {
        List<String> args = Files.isRegularFile(Path.of(spec)) ? fromYaml(Path.of(spec), what) : split(spec);
        Holder holder = new Holder();
        try {
            new CommandLine(holder).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(what + " configuration '" + spec + "': " + e.getMessage());
        }
        return holder.sim;
    }

    private static List<String> split(String spec) {
        List<String> args = new ArrayList<>();
        for (String token : spec.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                args.add(token);
            }
        }
        return args;
    }

    private static List<String> fromYaml(Path file, String what) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the " + what + " configuration: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": the " + what + " configuration must be a map of flag: value");
        }
        List<String> args = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String flag = "--" + e.getKey();
            JsonNode v = e.getValue();
            if (v.isBoolean()) {
                if (v.asBoolean()) {
                    args.add(flag);
                }
            } else if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                args.add(flag);
                args.add(String.join(",", parts));
            } else {
                args.add(flag);
                args.add(v.asText());
            }
        }
        return args;
    }
}
