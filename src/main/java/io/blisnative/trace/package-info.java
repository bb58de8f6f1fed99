/**
 * The canonical trace format and the converters into it (docs/trace-format.md).
 *
 * <p>Read first: {@link io.blisnative.trace.TraceHeader} and {@link io.blisnative.trace.TraceRequest}
 * (what a trace says), {@link io.blisnative.trace.TraceReader} (streaming, validating reader), then
 * {@link io.blisnative.trace.TraceConversion} (entry point of {@code convert}).
 *
 * <p>Converters, one per foreign format, behind {@link io.blisnative.trace.TraceConverter}:
 * {@code InferencePerfConverter} (experiment folders; expansion in {@code SharedPrefixExpander}),
 * {@code TraceV2Converter} (BLIS header YAML + CSV) and {@code VllmBenchConverter} (vLLM benchmark JSON).
 */
package io.blisnative.trace;
