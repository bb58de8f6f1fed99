package io.blisnative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingLatencyRecorderTest {

    @Test
    void summary_valuesBelow2048Us_equalsExactPath() {
        // given values small enough to get 1 µs buckets
        long[] us = {5, 17, 17, 300, 1024, 2000, 2047};
        StreamingLatencyRecorder rec = new StreamingLatencyRecorder();
        Arrays.stream(us).forEach(rec::record);
        // when / then every figure equals the sorted-array path exactly
        assertEquals(LatencySummary.ofUs(us), rec.summary());
    }

    @Test
    void summary_wideRange_withinOneIn2048OfExact() {
        // given 100 000 seeded log-uniform latencies between 1 ms and 100 s
        SplittableRandom rng = new SplittableRandom(42);
        long[] us = new long[100_000];
        StreamingLatencyRecorder rec = new StreamingLatencyRecorder();
        for (int i = 0; i < us.length; i++) {
            us[i] = (long) Math.pow(10, 3 + 5 * rng.nextDouble());
            rec.record(us[i]);
        }
        // when
        LatencySummary exact = LatencySummary.ofUs(us);
        LatencySummary approx = rec.summary();
        // then the documented bound holds for each percentile
        assertEquals(exact.p50Ms(), approx.p50Ms(), exact.p50Ms() / 2048);
        assertEquals(exact.p90Ms(), approx.p90Ms(), exact.p90Ms() / 2048);
        assertEquals(exact.p99Ms(), approx.p99Ms(), exact.p99Ms() / 2048);
        assertEquals(exact.meanMs(), approx.meanMs(), exact.meanMs() * 1e-12);
    }

    @Test
    void add_twoRecorders_summarisesTheUnion() {
        // given two halves
        StreamingLatencyRecorder a = new StreamingLatencyRecorder();
        StreamingLatencyRecorder b = new StreamingLatencyRecorder();
        a.record(10);
        a.record(20);
        b.record(30);
        b.record(40);
        // when
        a.add(b);
        // then p90 of 10..40 µs is 37 µs, mean 25 µs
        assertEquals(4, a.count());
        assertEquals(0.037, a.summary().p90Ms(), 1e-12);
        assertEquals(0.025, a.summary().meanMs(), 1e-12);
    }

    @Test
    void summary_nothingRecorded_isAllZero() {
        // given / when / then
        assertEquals(new LatencySummary(0, 0, 0, 0, 0), new StreamingLatencyRecorder().summary());
    }

    @Test
    void record_negative_throws() {
        // given / when / then
        assertThrows(IllegalArgumentException.class, () -> new StreamingLatencyRecorder().record(-1));
    }
}
