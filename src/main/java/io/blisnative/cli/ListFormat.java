package io.blisnative.cli;

/** Output format of the listing commands ({@code models}, {@code hardware}). */
enum ListFormat {
    /** Aligned columns for people. */
    TABLE,
    /** One JSON document for scripts; keys in a fixed order. */
    JSON
}
