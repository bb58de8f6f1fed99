package io.blisnative.latency;

/**
 * The GPU and tensor-parallel degree a model runs on when the user names neither
 * ({@code config/defaults.yaml}).
 *
 * @param gpu    a GPU name of the catalog
 * @param tp     tensor-parallel degree, &gt; 0
 * @param source where this default comes from
 */
public record ModelDefaults(String gpu, int tp, String source) {

    public ModelDefaults {
        if (gpu == null || gpu.isBlank()) {
            throw new IllegalArgumentException("gpu must be non-empty");
        }
        if (tp <= 0) {
            throw new IllegalArgumentException("tp must be > 0, got " + tp);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be non-empty");
        }
    }
}
