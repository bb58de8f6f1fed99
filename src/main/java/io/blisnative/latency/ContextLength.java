package io.blisnative.latency;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The context length vLLM derives from a HF config: {@code max_position_embeddings}, multiplied
 * by {@code rope_scaling.factor} (&gt; 1) unless the rope type already folds the scaling into
 * max_position_embeddings (su, longrope, llama3) or the model is a Gemma 3. For yarn the factor
 * multiplies {@code original_max_position_embeddings} when that is given.
 */
final class ContextLength {

    private ContextLength() {
    }

    /** Derived max model length from a merged HF config, 0 when it has no max_position_embeddings. */
    static long fromHf(JsonNode hf) {
        int maxPos = ModelConfigs.intField(hf, "max_position_embeddings");
        if (maxPos <= 0) {
            return 0;
        }
        JsonNode modelType = hf.get("model_type");
        return scaled(maxPos, modelType != null && modelType.isTextual() ? modelType.asText() : "",
                hf.get("rope_scaling"));
    }

    static long scaled(int maxPos, String modelType, JsonNode ropeScaling) {
        if (modelType.contains("gemma3") || ropeScaling == null || !ropeScaling.isObject()) {
            return maxPos;
        }
        String type = text(ropeScaling, "type");
        if (type.isEmpty()) {
            type = text(ropeScaling, "rope_type");
        }
        if (type.equals("su") || type.equals("longrope") || type.equals("llama3")) {
            return maxPos;
        }
        JsonNode factorNode = ropeScaling.get("factor");
        if (factorNode == null || !factorNode.isNumber()) {
            return maxPos;
        }
        double factor = factorNode.doubleValue();
        if (!(factor > 1.0) || Double.isInfinite(factor)) {
            return maxPos;
        }
        long base = maxPos;
        JsonNode original = ropeScaling.get("original_max_position_embeddings");
        if (type.equals("yarn") && original != null && original.isNumber() && original.doubleValue() > 0) {
            if (original.doubleValue() >= 0x1p63) {
                return maxPos;
            }
            base = (long) original.doubleValue();
        }
        double product = base * factor;
        if (product >= 0x1p63 || product < 0) {
            return maxPos;
        }
        return (long) product;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }
}
