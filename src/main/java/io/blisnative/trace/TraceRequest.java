package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.require;
import static io.blisnative.trace.InvalidFieldException.requireAtLeast;
import static io.blisnative.trace.InvalidFieldException.requireOptionalAtLeast;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One request line of a canonical trace.
 *
 * <p>Prefix caching: requests with the same {@code prefixGroup} share their first
 * {@code prefixTokens} input tokens (a system prompt, or a whole repeated prompt). Requests with
 * the same {@code session} are turns of one conversation, numbered by {@code round} from 0.
 *
 * @param id           request id, unique within the trace (BLIS names it {@code request_<id>})
 * @param arrivalUs    arrival (send) time in µs from the trace start, ≥ 0, non-decreasing in file order
 * @param inputTokens  prompt length in tokens, including the shared prefix
 * @param outputTokens number of tokens the request generates
 * @param prefixGroup  shared-content group, or null
 * @param prefixTokens length of the shared content; present exactly when prefixGroup is, ≤ inputTokens
 * @param session      conversation id, or null
 * @param round        0-based turn within the session; present only with a session
 * @param stage        load stage index (see the header's stages), or null
 * @param sloClass     SLO class name, or null
 * @param deadlineUs   absolute client deadline in µs on the trace clock, or null for none
 * @param warmup       true for warm-up requests that error tables exclude; null otherwise
 * @param client       client id of the source, or null
 * @param measured     per-request measurement, or null when the source has none
 */
@JsonPropertyOrder({"id", "arrival_us", "input_tokens", "output_tokens", "prefix_group", "prefix_tokens",
        "session", "round", "stage", "slo_class", "deadline_us", "warmup", "client", "measured"})
public record TraceRequest(
        @JsonProperty(required = true) long id,
        @JsonProperty(required = true) long arrivalUs,
        @JsonProperty(required = true) int inputTokens,
        @JsonProperty(required = true) int outputTokens,
        String prefixGroup,
        Integer prefixTokens,
        String session,
        Integer round,
        Integer stage,
        String sloClass,
        Long deadlineUs,
        Boolean warmup,
        String client,
        RequestMeasurement measured) {

    public TraceRequest {
        requireAtLeast(id, 0, "id");
        requireAtLeast(arrivalUs, 0, "arrival_us");
        requireAtLeast(inputTokens, 0, "input_tokens");
        requireAtLeast(outputTokens, 0, "output_tokens");
        require(prefixGroup == null || !prefixGroup.isEmpty(), "prefix_group", "must be non-empty when present");
        require((prefixGroup == null) == (prefixTokens == null), "prefix_tokens",
                "must be present exactly when prefix_group is");
        if (prefixTokens != null) {
            require(prefixTokens >= 1 && prefixTokens <= inputTokens, "prefix_tokens",
                    "must be in [1, input_tokens=" + inputTokens + "], got " + prefixTokens);
        }
        require(session == null || !session.isEmpty(), "session", "must be non-empty when present");
        require(round == null || session != null, "round", "is only allowed together with session");
        requireOptionalAtLeast(round, 0, "round");
        requireOptionalAtLeast(stage, 0, "stage");
        require(sloClass == null || !sloClass.isEmpty(), "slo_class", "must be non-empty when present");
        requireOptionalAtLeast(deadlineUs, 1, "deadline_us");
        require(warmup == null || warmup, "warmup", "must be true or absent");
        require(client == null || !client.isEmpty(), "client", "must be non-empty when present");
    }

    /** A plain request: no prefix, session, stage or measurement. */
    public static TraceRequest of(long id, long arrivalUs, int inputTokens, int outputTokens) {
        return new TraceRequest(id, arrivalUs, inputTokens, outputTokens,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** True when this request is a warm-up request. */
    @JsonIgnore
    public boolean isWarmup() {
        return Boolean.TRUE.equals(warmup);
    }
}
