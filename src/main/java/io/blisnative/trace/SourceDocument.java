package io.blisnative.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A parsed JSON or YAML source file with typed accessors that fail with a
 * {@link TraceFormatException} naming the file and the dotted field path.
 */
final class SourceDocument {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final String file;
    private final JsonNode root;

    private SourceDocument(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** Parses a JSON file. */
    static SourceDocument json(Path path) {
        return parse(path, JSON);
    }

    /** Parses a YAML file (JSON is valid YAML, so this reads both). */
    static SourceDocument yaml(Path path) {
        return parse(path, YAML);
    }

    private static SourceDocument parse(Path path, ObjectMapper mapper) {
        String name = path.toString();
        try {
            JsonNode node = mapper.readTree(Files.readAllBytes(path));
            if (node == null || !node.isObject()) {
                throw new TraceFormatException(name, 0, null, "expected a mapping/object at the top level");
            }
            return new SourceDocument(name, node);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(name, 0, null, "no such file");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            long line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            throw new TraceFormatException(name, line, null, "malformed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TraceFormatException(name, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The node at a dotted path, or null when any step is absent or JSON null. */
    JsonNode at(String dottedPath) {
        JsonNode node = root;
        for (String step : dottedPath.split("\\.")) {
            if (node != null && node.isArray() && step.chars().allMatch(Character::isDigit)) {
                node = node.get(Integer.parseInt(step));
            } else if (node != null && node.isObject()) {
                node = node.get(step);
            } else {
                return null;
            }
        }
        return node == null || node.isNull() ? null : node;
    }

    boolean has(String dottedPath) {
        return at(dottedPath) != null;
    }

    JsonNode require(String dottedPath) {
        JsonNode node = at(dottedPath);
        if (node == null) {
            throw error(dottedPath, "is required");
        }
        return node;
    }

    String text(String dottedPath) {
        JsonNode node = require(dottedPath);
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw error(dottedPath, "must be a non-empty string, got " + node);
        }
        return node.asText();
    }

    String optionalText(String dottedPath) {
        JsonNode node = at(dottedPath);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw error(dottedPath, "must be a string, got " + node);
        }
        return node.asText();
    }

    int integer(String dottedPath) {
        return toInt(dottedPath, require(dottedPath));
    }

    Integer optionalInteger(String dottedPath) {
        JsonNode node = at(dottedPath);
        return node == null ? null : toInt(dottedPath, node);
    }

    long longValue(String dottedPath) {
        JsonNode node = require(dottedPath);
        if (!node.canConvertToLong() || !isIntegral(node)) {
            throw error(dottedPath, "must be an integer, got " + node);
        }
        return node.asLong();
    }

    double number(String dottedPath) {
        JsonNode node = require(dottedPath);
        if (!node.isNumber()) {
            throw error(dottedPath, "must be a number, got " + node);
        }
        return node.asDouble();
    }

    Double optionalNumber(String dottedPath) {
        JsonNode node = at(dottedPath);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw error(dottedPath, "must be a number, got " + node);
        }
        return node.asDouble();
    }

    boolean bool(String dottedPath, boolean fallback) {
        JsonNode node = at(dottedPath);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw error(dottedPath, "must be true or false, got " + node);
        }
        return node.asBoolean();
    }

    private int toInt(String path, JsonNode node) {
        if (!isIntegral(node) || !node.canConvertToInt()) {
            throw error(path, "must be an integer, got " + node);
        }
        return node.asInt();
    }

    private static boolean isIntegral(JsonNode node) {
        if (node.isIntegralNumber()) {
            return true;
        }
        return node.isFloatingPointNumber() && node.asDouble() == Math.rint(node.asDouble());
    }

    TraceFormatException error(String field, String detail) {
        return new TraceFormatException(file, 0, field, detail);
    }
}
