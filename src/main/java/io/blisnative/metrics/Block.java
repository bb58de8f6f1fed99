package io.blisnative.metrics;

/** One printable piece of a report, independent of the output format: a table or a footnote. */
sealed interface Block permits Grid, Note {
}
