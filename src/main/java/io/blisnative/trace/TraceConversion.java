package io.blisnative.trace;

import java.nio.file.Path;

/** Entry point of conversion: picks the converter, runs it, applies header overrides. */
public final class TraceConversion {

    private TraceConversion() {
    }

    /**
     * Converts a source of the given kind, or of the detected kind when {@code kind} is null.
     *
     * @throws TraceFormatException     when the source is malformed
     * @throws InvalidFieldException    when an override is out of range (a usage error, not bad input)
     */
    public static Trace convert(Path source, SourceKind kind, ConvertOptions options) {
        SourceKind resolved = kind != null ? kind : SourceKind.detect(source);
        Trace raw;
        try {
            raw = converterFor(resolved).convert(source, options);
        } catch (InvalidFieldException e) {
            throw new TraceFormatException(source.toString(), 0, e.field(), e.detail(), e);
        }
        TraceHeader header = options.overrides().apply(raw.header());
        return new Trace(header, raw.requests());
    }

    /** The converter for a kind. */
    public static TraceConverter converterFor(SourceKind kind) {
        return switch (kind) {
            case INFERENCE_PERF -> new InferencePerfConverter();
            case TRACEV2 -> new TraceV2Converter();
            case VLLM_BENCH -> new VllmBenchConverter();
        };
    }
}
