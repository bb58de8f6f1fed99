package io.blisnative.latency;

/**
 * A GPU of the product catalog ({@code config/hardware.yaml}).
 *
 * @param name   GPU name as users type it, e.g. "H100"
 * @param source where its figures come from
 * @param config its figures
 */
public record CatalogGpu(String name, String source, HardwareConfig config) {

    public CatalogGpu {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-empty");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("GPU '" + name + "': source must be non-empty");
        }
        if (config == null) {
            throw new IllegalArgumentException("GPU '" + name + "': config must not be null");
        }
    }
}
