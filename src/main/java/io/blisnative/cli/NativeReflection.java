package io.blisnative.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection, in the native executable only, the records Jackson reads and writes
 * by their components: the trace format and the catalog files. Picocli commands, options and
 * version providers are registered by the Quarkus picocli extension; everything else Jackson
 * handles (trees, maps) needs no registration. Class names rather than class literals because the
 * catalog records are package-private. {@code NativeReflectionTest} fails when a record reachable
 * from a Jackson root is missing here.
 */
@RegisterForReflection(classNames = {
    "io.blisnative.trace.TraceHeader",
    "io.blisnative.trace.TraceRequest",
    "io.blisnative.trace.TraceStage",
    "io.blisnative.trace.VllmSettings",
    "io.blisnative.trace.Provenance",
    "io.blisnative.trace.Measured",
    "io.blisnative.trace.MeasuredStats",
    "io.blisnative.trace.LatencyStats",
    "io.blisnative.trace.RequestMeasurement",
    "io.blisnative.latency.CatalogFiles$HardwareFile",
    "io.blisnative.latency.CatalogFiles$GpuEntry",
    "io.blisnative.latency.CatalogFiles$ModelFile",
    "io.blisnative.latency.CatalogFiles$MoeSection",
    "io.blisnative.latency.CatalogFiles$MlaSection",
    "io.blisnative.latency.CatalogFiles$RooflineV2Section",
    "io.blisnative.latency.CatalogFiles$DefaultsFile",
    "io.blisnative.latency.CatalogFiles$DefaultsEntry",
    "io.blisnative.latency.CatalogFiles$CoefficientsFile",
})
final class NativeReflection {
    private NativeReflection() {
    }
}
