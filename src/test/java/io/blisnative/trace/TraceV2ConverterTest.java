package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceV2ConverterTest {

    private static final String COLUMNS = "request_id,client_id,tenant_id,slo_class,session_id,round_index,"
            + "prefix_group,prefix_length,streaming,input_tokens,output_tokens,text_tokens,image_tokens,audio_tokens,"
            + "video_tokens,reason_ratio,model,deadline_us,server_input_tokens,arrival_time_us,send_time_us,"
            + "first_chunk_time_us,last_chunk_time_us,num_chunks,status,error_message,finish_reason\n";

    private static ConvertOptions withModel(String model) {
        return new ConvertOptions(42, SharedPrefixSource.RESOLVED, ArrivalPattern.EXPONENTIAL_NORMALIZED, null,
                List.of(), new HeaderOverrides(null, null, model, null, null, null, null, null, null, null, null, null,
                        null, null));
    }

    @Test
    void convert_sim2realFolder_epochSendTimesBecomeRelativeAndMeasurementsKept() {
        // given the real TraceV2 observed by BLIS (send times in epoch µs)
        Trace t = TraceConversion.convert(TraceTestData.experiment(TraceTestData.SIM2REAL), null, ConvertOptions.defaults());
        // then all 16000 rows are requests, the first arriving at 0, in arrival order
        assertEquals(16_000, t.requests().size());
        assertEquals(0, t.requests().get(0).arrivalUs());
        assertEquals("meta-llama/Llama-3.1-8B", t.header().model());
        assertEquals(200, t.header().warmUpRequests());
        // and request 203 (CSV row 2) keeps TTFT = first_chunk - send, E2E = last_chunk - send,
        // input = server_input_tokens 910 (no prefix group), output 142
        TraceRequest r203 = t.requests().stream().filter(r -> r.id() == 203).findFirst().orElseThrow();
        assertEquals(1778693405451333L - 1778693405429955L, r203.arrivalUs());
        assertEquals(1778693412459702L - 1778693405451333L, r203.measured().ttftUs());
        assertEquals(1778693416748008L - 1778693405451333L, r203.measured().e2eUs());
        assertEquals(143, r203.measured().numChunks());
        assertEquals(910, r203.inputTokens());
        assertEquals(142, r203.outputTokens());
        assertEquals("sheddable", r203.sloClass());
        // and the aggregate TTFT matches data/PROVENANCE.md (mean about 271 s, max about 445 s)
        LatencyStats ttft = t.header().measured().overall().ttft();
        assertEquals(271_000, ttft.meanMs(), 1_000);
        assertTrue(ttft.p99Ms() < 446_000 && ttft.p99Ms() > 440_000, ttft.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama8b-roofline", "qwen7b-trained-physics"})
    void convert_blisGeneratedSample_tokenTotalsEqualBlisReplay(String sample) throws IOException {
        // given a BLIS-generated TraceV2 and the token totals BLIS replay printed for it (expected.json)
        Path dir = TraceTestData.dataDir().resolve("blis-generated-samples");
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile())
                .get(sample).get("blis_replay_metrics");
        // when converted (the header names no model, so it is given)
        Trace t = TraceConversion.convert(dir.resolve(sample + ".csv"), null, withModel("m"));
        // then the input and output token totals equal BLIS's, so prefix and server-token rules match replay.go
        long in = t.requests().stream().mapToLong(TraceRequest::inputTokens).sum();
        long out = t.requests().stream().mapToLong(TraceRequest::outputTokens).sum();
        assertEquals(expected.get("total_input_tokens").asLong(), in);
        assertEquals(expected.get("total_output_tokens").asLong(), out);
        assertEquals(expected.get("completed_requests").asInt(), t.requests().size());
    }

    @Test
    void convert_generatedSampleRow_keepsPrefixDeadlineAndSimulatedTimesUnshifted() {
        // given llama8b-roofline row 0: prefix shared/256, input 438, arrival 66666, deadline 300066666,
        // first chunk 82850, last chunk 752017
        Path csv = TraceTestData.dataDir().resolve("blis-generated-samples/llama8b-roofline.csv");
        Trace t = TraceConversion.convert(csv, SourceKind.TRACEV2, withModel("meta-llama/llama-3.1-8b-instruct"));
        TraceRequest r = t.requests().get(0);
        // then times stay as BLIS replays them and the prefix is part of the input
        assertEquals(66_666, r.arrivalUs());
        assertEquals(256 + 438, r.inputTokens());
        assertEquals("shared", r.prefixGroup());
        assertEquals(256, r.prefixTokens());
        assertEquals(300_066_666L, r.deadlineUs());
        assertEquals(82_850 - 66_666, r.measured().ttftUs());
        assertEquals(752_017 - 66_666, r.measured().e2eUs());
        assertNull(r.measured().numChunks());
        assertTrue(t.header().provenance().notes().get(0).contains("simulated"));
    }

    @Test
    void convert_yamlSourceOrCsvSource_pairTheSameFiles() {
        Path dir = TraceTestData.dataDir().resolve("blis-generated-samples");
        Trace fromCsv = TraceConversion.convert(dir.resolve("qwen7b-trained-physics.csv"), null, withModel("m"));
        Trace fromYaml = TraceConversion.convert(dir.resolve("qwen7b-trained-physics.yaml"), null, withModel("m"));
        assertEquals(fromCsv, fromYaml);
    }

    @Test
    void convert_noModelAnywhere_convertsAndSaysReplayNeedsModel() {
        // BLIS-generated traces record no model; converting them must still work (replay takes --model)
        Path csv = TraceTestData.dataDir().resolve("blis-generated-samples/llama8b-roofline.csv");
        Trace trace = TraceConversion.convert(csv, null, ConvertOptions.defaults());
        assertNull(trace.header().model());
        assertTrue(trace.header().provenance().notes().stream().anyMatch(n -> n.contains("replay needs --model")),
                trace.header().provenance().notes().toString());
        assertEquals(1000, trace.requests().size());
    }

    @Test
    void convert_warmUpIdsAndSessions_markedAndKept(@TempDir Path dir) throws IOException {
        // given a small trace with 2 warm-up requests and a two-round session
        Files.writeString(dir.resolve("t.yaml"), "trace_version: 3\ntime_unit: microseconds\nmode: real\n"
                + "warm_up_requests: 2\nserver:\n  model: m\n  tensor_parallel: 2\n  max_num_seqs: 64\n  block_size: 32\n");
        Files.writeString(dir.resolve("t.csv"), COLUMNS
                + "0,c,,critical,,0,,0,true,10,5,0,0,0,0,0,,0,0,0,0,0,0,0,ok,,\n"
                + "1,c,,,,0,,0,true,10,5,0,0,0,0,0,,0,12,100,100,300,900,6,ok,,\n"
                + "2,c,,,sess1,0,,0,true,10,5,0,0,0,0,0,,0,0,200,200,400,1000,6,error,\"boom, with comma\",\n"
                + "3,c,,,sess1,1,,0,true,10,5,0,0,0,0,0,,0,0,150,0,0,0,0,timeout,,\n");
        // when converted
        Trace t = TraceConversion.convert(dir.resolve("t.csv"), null, ConvertOptions.defaults());
        // then warm-up ids are flagged, sessions kept, arrival uses arrival_time when send is 0, rows sorted
        assertEquals(List.of(0L, 1L, 3L, 2L), t.requests().stream().map(TraceRequest::id).toList());
        assertTrue(t.requests().get(0).isWarmup());
        assertTrue(t.requests().get(1).isWarmup());
        assertEquals(12, t.requests().get(1).inputTokens());
        TraceRequest r3 = t.requests().get(2);
        assertEquals("sess1", r3.session());
        assertEquals(1, r3.round());
        assertEquals(150, r3.arrivalUs());
        assertEquals("timeout", r3.measured().status());
        assertEquals(2, t.header().tp());
        assertEquals(32, t.header().vllm().blockSize());
        assertEquals(64, t.header().vllm().maxNumSeqs());
        // and the aggregates exclude warm-up: 0 ok of 2 sent
        assertEquals(0, t.header().measured().overall().count());
        assertEquals(2, t.header().measured().overall().failures());
    }

    @Test
    void convert_badInputs_nameFileLineAndField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.yaml"), "trace_version: 2\nmode: real\nserver:\n  model: m\n");
        // a negative token count on CSV line 3
        Files.writeString(dir.resolve("t.csv"), COLUMNS
                + "0,c,,,,0,,0,true,10,5,0,0,0,0,0,,0,0,0,0,0,0,0,ok,,\n"
                + "1,c,,,,0,,0,true,-4,5,0,0,0,0,0,,0,0,0,0,0,0,0,ok,,\n");
        TraceFormatException neg = assertThrows(TraceFormatException.class,
                () -> TraceConversion.convert(dir.resolve("t.csv"), null, ConvertOptions.defaults()));
        assertTrue(neg.getMessage().endsWith("t.csv:3: field 'input_tokens': must be >= 0, got -4"), neg.getMessage());
        // a truncated last row
        Files.writeString(dir.resolve("t.csv"), COLUMNS + "0,c,,,,0,,0,true,10,5,0,0");
        TraceFormatException cut = assertThrows(TraceFormatException.class,
                () -> TraceConversion.convert(dir.resolve("t.csv"), null, ConvertOptions.defaults()));
        assertTrue(cut.getMessage().contains("t.csv:2: row has 13 columns"), cut.getMessage());
        // an unsupported version and an unknown header key
        Files.writeString(dir.resolve("t.yaml"), "trace_version: 4\n");
        TraceFormatException v4 = assertThrows(TraceFormatException.class,
                () -> TraceConversion.convert(dir.resolve("t.csv"), null, ConvertOptions.defaults()));
        assertTrue(v4.getMessage().contains("field 'trace_version'"), v4.getMessage());
        Files.writeString(dir.resolve("t.yaml"), "trace_version: 2\nflavour: x\n");
        TraceFormatException unknown = assertThrows(TraceFormatException.class,
                () -> TraceConversion.convert(dir.resolve("t.csv"), null, ConvertOptions.defaults()));
        assertTrue(unknown.getMessage().contains("field 'flavour': unknown TraceV2 header key"), unknown.getMessage());
    }

    @Test
    void timeShift_relativeTimes_keptAsBlisReplaysThem() {
        TraceV2Row relative = new TraceV2Row(2, 0, "", "", "", 0, "", 0, 1, 1, 0, 0, 5_000_000, 5_000_000, 0, 0, 0, "ok");
        TraceV2Row epoch = new TraceV2Row(2, 0, "", "", "", 0, "", 0, 1, 1, 0, 0, 5, 1_778_693_405_429_955L, 0, 0, 0, "ok");
        assertEquals(0, TraceV2Converter.timeShift(List.of(relative), "f"));
        assertEquals(1_778_693_405_429_955L, TraceV2Converter.timeShift(List.of(epoch), "f"));
    }
}
