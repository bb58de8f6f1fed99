package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.require;
import static io.blisnative.trace.InvalidFieldException.requireAtLeast;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One load stage: requests of the stage arrive in [startUs, startUs + durationUs].
 *
 * @param index      0-based stage number, as requests' {@code stage} field refers to it
 * @param startUs    stage start on the trace clock, µs
 * @param durationUs stage length, µs
 * @param rate       target request rate in requests/s, or null when unbounded (send all at once)
 */
@JsonPropertyOrder({"index", "start_us", "duration_us", "rate"})
public record TraceStage(
        @JsonProperty(required = true) int index,
        @JsonProperty(required = true) long startUs,
        @JsonProperty(required = true) long durationUs,
        Double rate) {

    public TraceStage {
        requireAtLeast(index, 0, "stages.index");
        requireAtLeast(startUs, 0, "stages.start_us");
        requireAtLeast(durationUs, 0, "stages.duration_us");
        require(rate == null || (rate > 0 && Double.isFinite(rate)), "stages.rate",
                "must be a finite number > 0 or absent, got " + rate);
    }
}
