package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.require;
import static io.blisnative.trace.InvalidFieldException.requireOptionalAtLeast;
import static io.blisnative.trace.InvalidFieldException.requireText;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the source measured for one request (or, for BLIS {@code mode: generated} traces, what BLIS
 * simulated). Times are relative to the request's arrival (its send time).
 *
 * @param ttftUs    time to first token in µs, or null when not measured
 * @param e2eUs     end-to-end latency in µs (≥ ttftUs when both are present), or null
 * @param numChunks number of streamed chunks received, or null when not recorded
 * @param status    outcome as the source names it: {@code ok}, {@code error}, {@code timeout}, …
 */
@JsonPropertyOrder({"ttft_us", "e2e_us", "num_chunks", "status"})
public record RequestMeasurement(
        Long ttftUs,
        Long e2eUs,
        Integer numChunks,
        @JsonProperty(required = true) String status) {

    public RequestMeasurement {
        requireOptionalAtLeast(ttftUs, 0, "measured.ttft_us");
        requireOptionalAtLeast(e2eUs, 0, "measured.e2e_us");
        requireOptionalAtLeast(numChunks, 0, "measured.num_chunks");
        requireText(status, "measured.status");
        if (ttftUs != null && e2eUs != null) {
            require(e2eUs >= ttftUs, "measured.e2e_us", "must be >= ttft_us (" + ttftUs + "), got " + e2eUs);
        }
    }

    /** True when the source reports the request as completed successfully. */
    @JsonIgnore
    public boolean isOk() {
        return "ok".equals(status);
    }
}
