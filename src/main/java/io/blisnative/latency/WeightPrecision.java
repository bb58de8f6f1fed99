package io.blisnative.latency;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes per weight of quantized checkpoints, which store weights narrower than the compute
 * dtype that {@code torch_dtype} reports (W4A16 keeps bfloat16 activations but 4-bit weights).
 * Every method returns 0 when it finds no quantization, meaning "weights use the dtype width".
 */
final class WeightPrecision {

    /** "w4a16", "W8A8": the digits after w are the weight bits; delimited by . - _ / or the ends. */
    private static final Pattern WEIGHT_ACTIVATION_BITS =
            Pattern.compile("(?i)(?:^|[.\\-_/])w(\\d+)a\\d+(?:$|[.\\-_])");
    private static final Pattern FP8_WORD = Pattern.compile("(?i)(?:^|[.\\-_/])fp8(?:$|[.\\-_])");

    private WeightPrecision() {
    }

    /**
     * Width from a HF {@code quantization_config}: {@code bits}/8 (number or integer string),
     * else 1 for {@code quant_method: fp8}, else for compressed-tensors the first
     * {@code config_groups.<name>.weights.num_bits}/8 in name order.
     */
    static double fromQuantizationConfig(JsonNode qc) {
        if (qc == null || !qc.isObject()) {
            return 0;
        }
        int bits = bits(qc.get("bits"));
        if (bits > 0) {
            return bits / 8.0;
        }
        JsonNode methodNode = qc.get("quant_method");
        String method = methodNode != null && methodNode.isTextual() ? methodNode.asText() : "";
        if (method.equalsIgnoreCase("fp8")) {
            return 1.0;
        }
        if (method.equalsIgnoreCase("compressed-tensors")) {
            return fromConfigGroups(qc.get("config_groups"));
        }
        return 0;
    }

    private static int bits(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isNumber()) {
            return (int) node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static double fromConfigGroups(JsonNode groups) {
        if (groups == null || !groups.isObject()) {
            return 0;
        }
        List<String> names = new ArrayList<>();
        groups.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        for (String name : names) {
            JsonNode weights = groups.get(name).get("weights");
            JsonNode numBits = weights == null ? null : weights.get("num_bits");
            if (numBits != null && numBits.isNumber() && numBits.doubleValue() > 0) {
                return numBits.doubleValue() / 8.0;
            }
        }
        return 0;
    }

    /** Width guessed from a model name: {@code wXaY} gives X/8, a {@code fp8} word gives 1. */
    static double fromModelName(String name) {
        if (name == null) {
            return 0;
        }
        Matcher m = WEIGHT_ACTIVATION_BITS.matcher(name);
        if (m.find()) {
            try {
                int bits = Integer.parseInt(m.group(1));
                if (bits > 0) {
                    return bits / 8.0;
                }
            } catch (NumberFormatException e) {
                // more digits than an int holds: not a real bit count, fall through to fp8
            }
        }
        return FP8_WORD.matcher(name.toLowerCase(Locale.ROOT)).find() ? 1.0 : 0;
    }
}
