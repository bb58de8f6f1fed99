package io.blisnative.metrics;

import java.util.Locale;

/** Output formats of {@link ReportPrinter}. */
public enum Format {
    /** Aligned plain-text tables (the default for terminals). */
    TABLE,
    /** GitHub-flavoured Markdown tables. */
    MARKDOWN,
    /** One CSV block per table, blocks separated by a blank line; footnotes are omitted. */
    CSV,
    /** The stable JSON document described in docs/report-format.md. */
    JSON;

    /**
     * The format for a name such as {@code table} or {@code json}, case-insensitive.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Format fromName(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "', expected table, markdown, csv or json");
    }
}
