package io.blisnative.cli;

import io.blisnative.latency.Catalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The catalogs one command uses, each folder read once and read ahead on a thread of its own.
 *
 * <p>Why: reading the catalog (a few dozen YAML files) and opening a trace (its header, through a
 * cold JSON mapper) are each about a tenth of a second at start-up and need nothing from each
 * other, so a replay reads both at once; and a replay of many traces reads the catalog once.
 * A launch whose command needs the catalog starts reading it as soon as the command line is
 * known ({@link #prepareLaunch}), before picocli builds and parses it (about a tenth of a second
 * that the replay otherwise spent waiting for the catalog).
 */
final class CatalogCache {
    /** Commands that read the catalog through a cache. */
    private static final Set<String> READERS = Set.of("replay", "compare", "calibrate", "run");
    /** The cache {@link #prepareLaunch} made for the command line being run; taken once. */
    private static final AtomicReference<CatalogCache> LAUNCH = new AtomicReference<>();

    private final Map<Path, CompletableFuture<Catalog>> loads = new HashMap<>();

    /**
     * Starts reading the catalog the command of {@code args} will use, if it is one that reads it.
     * Each launch replaces the previous one's cache, so an unused early read is never handed to a
     * later command line run in the same JVM (tests).
     */
    static void prepareLaunch(String[] args) {
        CatalogCache cache = new CatalogCache();
        LAUNCH.set(cache);
        String command = BlisNative.commandWord(args);
        if (command == null || !READERS.contains(command)) {
            return;
        }
        String flag = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config-dir") && i + 1 < args.length) {
                flag = args[i + 1];
            } else if (args[i].startsWith("--config-dir=")) {
                flag = args[i].substring("--config-dir=".length());
            }
        }
        try {
            cache.readAhead(flag);
        } catch (RuntimeException e) {
            // No catalog folder found: the command reports that when it asks for the catalog.
        }
    }

    /** The catalogs for the command being run: those {@link #prepareLaunch} started, else a new cache. */
    static CatalogCache forCommand() {
        CatalogCache prepared = LAUNCH.getAndSet(null);
        return prepared != null ? prepared : new CatalogCache();
    }

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
