package io.blisnative.metrics;

/** A footnote printed under the tables by the text formats and left out of CSV. */
record Note(String text) implements Block {
}
