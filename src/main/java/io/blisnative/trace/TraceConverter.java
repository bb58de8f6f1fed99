package io.blisnative.trace;

import java.nio.file.Path;

/** Turns one kind of foreign source into a canonical trace. */
public interface TraceConverter {

    /**
     * Converts a source. Deterministic: the same source and options give an equal trace.
     *
     * @param source  the file or folder to convert
     * @param options seed and settings; header overrides are applied by the caller afterwards
     * @return the trace, requests in arrival order
     * @throws TraceFormatException when the source is malformed or lacks what the format needs
     */
    Trace convert(Path source, ConvertOptions options);
}
