package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BLIS-generated TraceV2 traces, converted and replayed with the exact flags given to {@code blis replay},
 * must give BLIS's own replay figures: simulated E2E and TTFT means to 1e-6 relative, completed
 * and preemption counts exactly (data/blis-generated-samples/expected.json); also when the TraceV2
 * header is handed to {@code replay} as it is.
 */
class BlisReplayParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<Arguments> samples() throws Exception {
        Path dir = SharedFixtures.shared().resolve("data/blis-generated-samples");
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), dir.resolve(e.getKey() + ".csv"), e.getValue()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void replay_blisGeneratedTrace_matchesBlisReplay(String name, Path csv, JsonNode expected) throws Exception {
        // given the trace converted without any option, as a user would
        Path trace = tmp.resolve(name + ".jsonl");
        CliRunner.Result converted = CliRunner.run(new ConvertCommand(), csv.toString(), "--output", trace.toString());
        assertEquals(0, converted.exitCode(), converted.toString());
        // when it is replayed with the flags BLIS was given
        CliRunner.Result replayed = replayWithBlisFlags(trace, expected);
        // then the simulated figures are BLIS's
        assertBlisFigures(name, replayed, expected);
        assertEquals(true, Files.exists(trace));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void replay_blisTraceV2HeaderGivenDirectly_matchesBlisReplay(String name, Path csv, JsonNode expected)
            throws Exception {
        // given the TraceV2 header YAML beside the CSV, not converted
        Path yaml = csv.resolveSibling(name + ".yaml");
        // when it is replayed as it is, with the flags BLIS was given
        CliRunner.Result replayed = replayWithBlisFlags(yaml, expected);
        // then it is converted on the way in and the simulated figures are BLIS's
        assertBlisFigures(name, replayed, expected);
    }

    private static CliRunner.Result replayWithBlisFlags(Path trace, JsonNode expected) {
        List<String> args = new ArrayList<>(List.of(trace.toString(), "--format", "json",
                "--config-dir", SharedFixtures.projectDir().resolve("config").toString()));
        expected.get("blis_replay_flags").forEach(f -> args.add(f.asText()));
        CliRunner.Result replayed = CliRunner.run(new ReplayCommand(), args.toArray(String[]::new));
        assertEquals(0, replayed.exitCode(), replayed.toString());
        return replayed;
    }

    private static void assertBlisFigures(String name, CliRunner.Result replayed, JsonNode expected)
            throws Exception {
        JsonNode experiment = JSON.readTree(replayed.out()).get("experiments").get(0);
        JsonNode blis = expected.get("blis_replay_metrics");
        String row = name + ": " + experiment;
        assertEquals(blis.get("completed_requests").asLong(), experiment.at("/counts/completed").asLong(), row);
        assertEquals(blis.get("preemption_count").asLong(), experiment.at("/counts/preempted").asLong(), row);
        assertEquals(blis.get("timed_out_requests").asLong(), experiment.at("/counts/timed_out").asLong(), row);
        assertEquals(blis.get("dropped_unservable").asLong(), experiment.at("/counts/dropped").asLong(), row);
        assertClose(blis.get("e2e_mean_ms").asDouble(), experiment.at("/metrics/e2e/simulated_mean_ms").asDouble(), row);
        assertClose(blis.get("ttft_mean_ms").asDouble(), experiment.at("/metrics/ttft/simulated_mean_ms").asDouble(), row);
    }

    private static void assertClose(double expected, double actual, String row) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), row);
    }
}
