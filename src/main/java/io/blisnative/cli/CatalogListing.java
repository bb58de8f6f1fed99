package io.blisnative.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.blisnative.latency.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options and output shared by the catalog listing commands ({@code models}, {@code hardware}):
 * the catalog folder, and a table for people or one indented JSON document for scripts.
 */
final class CatalogListing {
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output: table or json (default ${DEFAULT-VALUE}).")
    ListFormat format;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Catalog folder (default: config/ next to the executable).")
    String configDir;

    /**
     * Loads the catalog and prints it to the command's stdout as {@code json(catalog)} or
     * {@code table(out, catalog)}, whichever --format asked for.
     */
    int print(CommandSpec spec, Function<Catalog, Map<String, Object>> json, BiConsumer<PrintWriter, Catalog> table)
            throws IOException {
        Catalog catalog = Catalog.load(ConfigDir.locate(configDir));
        PrintWriter out = spec.commandLine().getOut();
        if (format == ListFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json.apply(catalog)));
        } else {
            table.accept(out, catalog);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
