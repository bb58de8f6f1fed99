package io.blisnative.trace;

import static io.blisnative.trace.InvalidFieldException.requireAtLeast;
import static io.blisnative.trace.InvalidFieldException.requireOptionalAtLeast;
import static io.blisnative.trace.InvalidFieldException.requireOptionalNonNegative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Measured aggregates over a set of requests (one stage, or the whole run). Latency summaries
 * cover the {@code count} successful requests only; {@code count + failures} were sent.
 *
 * @param index         stage index for per-stage figures, null for the overall figures
 * @param count         successful requests
 * @param failures      failed requests
 * @param e2e           end-to-end latency, or null
 * @param ttft          time to first token, or null
 * @param tpot          time per output token (see the header's tpot_definition), or null
 * @param itl           inter-token latency, or null
 * @param promptLenMean mean prompt length in tokens as the server counted it, or null
 * @param outputLenMean mean output length in tokens, or null
 * @param achievedRate  achieved send rate in requests/s, or null
 */
@JsonPropertyOrder({"index", "count", "failures", "e2e", "ttft", "tpot", "itl", "prompt_len_mean",
        "output_len_mean", "achieved_rate"})
public record MeasuredStats(
        Integer index,
        @JsonProperty(required = true) long count,
        @JsonProperty(required = true) long failures,
        LatencyStats e2e,
        LatencyStats ttft,
        LatencyStats tpot,
        LatencyStats itl,
        Double promptLenMean,
        Double outputLenMean,
        Double achievedRate) {

    public MeasuredStats {
        requireOptionalAtLeast(index, 0, "measured.index");
        requireAtLeast(count, 0, "measured.count");
        requireAtLeast(failures, 0, "measured.failures");
        requireOptionalNonNegative(promptLenMean, "measured.prompt_len_mean");
        requireOptionalNonNegative(outputLenMean, "measured.output_len_mean");
        requireOptionalNonNegative(achievedRate, "measured.achieved_rate");
    }
}
