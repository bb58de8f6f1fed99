package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.latency.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCacheTest {
    private static final String CONFIG = SharedFixtures.projectDir().resolve("config").toString();

    @Test
    void prepareLaunch_replay_readsTheNamedCatalogOnce_forTheNextCommandOnly() {
        // given a replay command line naming the bundled catalog
        CatalogCache.prepareLaunch(new String[] {"replay", "t.jsonl", "--config-dir=" + CONFIG});
        // when its command asks for the catalogs, twice
        CatalogCache first = CatalogCache.forCommand();
        Catalog catalog = first.get(CONFIG);
        // then the prepared read serves it, the same catalog every time, and only to that command
        assertTrue(catalog.findModel("meta-llama/llama-3.1-8b-instruct").isPresent());
        assertSame(catalog, first.get(CONFIG));
        assertNotSame(first, CatalogCache.forCommand());
    }

    @Test
    void prepareLaunch_commandsWithoutACatalog_startNothing_andAMissingFolderFailsWhenAsked(@TempDir Path dir) {
        // --version and --help name no command; a missing folder is reported by the command
        CatalogCache.prepareLaunch(new String[] {"--version"});
        CatalogCache.prepareLaunch(new String[] {"--help"});
        CatalogCache.prepareLaunch(new String[] {"run", "--config-dir", dir.resolve("absent").toString()});
        CatalogCache cache = CatalogCache.forCommand();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cache.get(dir.resolve("absent").toString()));
        assertTrue(e.getMessage().contains("catalog folder not found"), e.getMessage());
    }
}
