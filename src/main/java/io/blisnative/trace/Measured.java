package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.requireNonNull;
import static io.blisnative.trace.InvalidFieldException.requireText;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The measured aggregates a trace carries in its header.
 *
 * @param tpotDefinition how the source defines TPOT and ITL, so simulated figures are computed alike
 * @param overall        figures over the whole run
 * @param stages         figures per load stage, in stage order; empty when the source has none
 */
@JsonPropertyOrder({"tpot_definition", "overall", "stages"})
public record Measured(
        @JsonProperty(required = true) String tpotDefinition,
        @JsonProperty(required = true) MeasuredStats overall,
        List<MeasuredStats> stages) {

    public Measured {
        requireText(tpotDefinition, "measured.tpot_definition");
        requireNonNull(overall, "measured.overall");
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
