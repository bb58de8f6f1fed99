package io.blisnative.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads BLIS-format hardware files: a JSON object mapping a GPU name to its figures
 * ({@code TFlopsPeak, TFlopsFP8, BwPeakTBs, mfuPrefill, mfuDecode, MemoryGiB}). Keys starting
 * with {@code _} (such as {@code _comment}) are ignored; any other unknown key is an error.
 * {@code TFlopsFP8} and {@code MemoryGiB} may be absent (0).
 */
public final class HardwareConfigs {

    private static final Set<String> REQUIRED = Set.of("TFlopsPeak", "BwPeakTBs", "mfuPrefill", "mfuDecode");
    private static final Set<String> OPTIONAL = Set.of("TFlopsFP8", "MemoryGiB");

    private HardwareConfigs() {
    }

    /**
     * Every GPU in a BLIS hardware file, sorted by name.
     *
     * @throws IllegalArgumentException naming the file, GPU and field when the file is unreadable or invalid
     */
    public static Map<String, HardwareConfig> readBlisJson(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read hardware config: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": hardware config must be a JSON object of GPU name to figures");
        }
        Map<String, HardwareConfig> gpus = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_")) {
                gpus.put(e.getKey(), entry(file, e.getKey(), e.getValue()));
            }
        }
        return Collections.unmodifiableMap(gpus);
    }

    /**
     * One GPU from a BLIS hardware file.
     *
     * @throws IllegalArgumentException when the file is invalid or has no such GPU (listing the ones it has)
     */
    public static HardwareConfig load(Path file, String gpu) {
        Map<String, HardwareConfig> all = readBlisJson(file);
        HardwareConfig hw = all.get(gpu);
        if (hw == null) {
            throw new IllegalArgumentException(file + ": GPU '" + gpu + "' not found (available: "
                    + String.join(", ", all.keySet()) + ")");
        }
        return hw;
    }

    private static HardwareConfig entry(Path file, String gpu, JsonNode node) {
        String where = file + ": GPU '" + gpu + "'";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("_") && !REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field '" + key + "'");
            }
        }
        double peak = number(where, node, "TFlopsPeak", true);
        double fp8 = number(where, node, "TFlopsFP8", false);
        double bw = number(where, node, "BwPeakTBs", true);
        double mfuPrefill = number(where, node, "mfuPrefill", true);
        double mfuDecode = number(where, node, "mfuDecode", true);
        double memory = number(where, node, "MemoryGiB", false);
        try {
            return new HardwareConfig(peak, fp8, bw, mfuPrefill, mfuDecode, memory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(String where, JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
            }
            return 0;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a number, got " + v);
        }
        return v.doubleValue();
    }
}
