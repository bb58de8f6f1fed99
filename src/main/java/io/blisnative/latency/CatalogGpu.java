package io.blisnative.latency;

/**
 * A GPU of the product catalog ({@code config/hardware.yaml}).
 *
 * @param name                      GPU name as users type it, e.g. "H100"
 * @param source                    where its figures come from
 * @param config                    its figures
 * @param bandwidthEfficiency       sustained / peak HBM bandwidth, in (0, 1]; 1 when there is no figure.
 *                                  Used by roofline-v2 only.
 * @param bandwidthEfficiencySource where that figure comes from; null exactly when there is none
 */
public record CatalogGpu(String name, String source, HardwareConfig config, double bandwidthEfficiency,
        String bandwidthEfficiencySource) {

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
        if (!(bandwidthEfficiency > 0 && bandwidthEfficiency <= 1)) {
            throw new IllegalArgumentException("GPU '" + name + "': bandwidth_efficiency must be in (0, 1], got "
                    + bandwidthEfficiency);
        }
        if (bandwidthEfficiencySource != null && bandwidthEfficiencySource.isBlank()) {
            bandwidthEfficiencySource = null;
        }
    }

    /** A GPU without a bandwidth-efficiency figure (efficiency 1). */
    public CatalogGpu(String name, String source, HardwareConfig config) {
        this(name, source, config, 1.0, null);
    }
}
