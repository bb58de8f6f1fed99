package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** inference-perf conversions carry the client's timeout as each request's deadline. */
class ClientTimeoutTest {

    @Test
    void convert_noRequestTimeout_aiohttpDefault300sDeadlineOnEveryRequest() {
        // given the overloaded Llama-2-7B reasoning run, whose 4068 failures all lasted 300.0-301.0 s and whose
        // resolved config sets load.request_timeout: null
        Trace t = TraceConversion.convert(TraceTestData.experiment(TraceTestData.LLAMA7B_REASONING), null,
                ConvertOptions.defaults());
        // when / then
        for (TraceRequest r : t.requests()) {
            assertEquals(r.arrivalUs() + 300_000_000L, r.deadlineUs(), "request " + r.id());
        }
        assertTrue(t.header().provenance().notes().stream().anyMatch(n -> n.startsWith("deadline_us = arrival + 300 s")),
                t.header().provenance().notes().toString());
    }
}
