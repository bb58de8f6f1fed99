package io.blisnative.latency;

import java.util.List;

/**
 * A model of the product catalog ({@code config/models/<shortName>.yaml}).
 *
 * @param shortName the file name without ".yaml", e.g. "llama-3.1-8b-instruct"
 * @param ids       HuggingFace ids it answers to, e.g. "meta-llama/Llama-3.1-8B-Instruct"
 * @param source    where its figures come from
 * @param config    its architecture figures
 * @param dtype     the file's dtype name, e.g. "bfloat16" (its width is {@code config.bytesPerParam()})
 */
public record CatalogModel(String shortName, List<String> ids, String source, ModelConfig config, String dtype) {

    public CatalogModel {
        if (shortName == null || shortName.isBlank()) {
            throw new IllegalArgumentException("shortName must be non-empty");
        }
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("ids must list at least one HuggingFace id");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be non-empty");
        }
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (dtype == null || dtype.isBlank()) {
            throw new IllegalArgumentException("dtype must be non-empty");
        }
        ids = List.copyOf(ids);
    }
}
