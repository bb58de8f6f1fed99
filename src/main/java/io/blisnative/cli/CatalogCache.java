package io.blisnative.cli;

import io.blisnative.latency.Catalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The catalogs one command uses, each folder read once and read ahead on a thread of its own.
 *
 * <p>Why: reading the catalog (a few dozen YAML files) and opening a trace (its header, through a
 * cold JSON mapper) are each about a tenth of a second at start-up and need nothing from each
 * other, so a replay reads both at once; and a replay of many traces reads the catalog once.
 */
final class CatalogCache {
    private final Map<Path, CompletableFuture<Catalog>> loads = new HashMap<>();

    /** Starts reading the catalog {@code --config-dir} names (null: the bundled one) if not yet started. */
    void readAhead(String configDirFlag) {
        load(ConfigDir.locate(configDirFlag));
    }

    /**
     * The catalog {@code --config-dir} names, waiting for it if it is being read.
     *
     * @throws IllegalArgumentException as {@link Catalog#load} does, naming the file and key
     */
    Catalog get(String configDirFlag) {
        try {
            return load(ConfigDir.locate(configDirFlag)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private CompletableFuture<Catalog> load(Path dir) {
        return loads.computeIfAbsent(dir, d -> {
            CompletableFuture<Catalog> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(Catalog.load(d));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "blis-native-catalog");
            t.setDaemon(true);
            t.start();
            return f;
        });
    }
}
