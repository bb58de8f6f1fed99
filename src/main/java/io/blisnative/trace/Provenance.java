package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.requireText;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where a trace came from and how it was made.
 *
 * @param sourceKind  converter that made it: {@code inference-perf}, {@code tracev2}, {@code vllm-bench}
 *                    (or another producer's name)
 * @param source      the converted file or folder, by its last path element (machine independent)
 * @param sourceRef   where the source lives upstream (repository@commit:path), or null
 * @param convertedBy converter name and version, e.g. {@code blis-native convert/1}
 * @param notes       assumptions and facts a reader of the numbers must know, in order; never null
 */
@JsonPropertyOrder({"source_kind", "source", "source_ref", "converted_by", "notes"})
public record Provenance(
        @JsonProperty(required = true) String sourceKind,
        @JsonProperty(required = true) String source,
        String sourceRef,
        @JsonProperty(required = true) String convertedBy,
        List<String> notes) {

    public Provenance {
        requireText(sourceKind, "provenance.source_kind");
        requireText(source, "provenance.source");
        requireText(convertedBy, "provenance.converted_by");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
