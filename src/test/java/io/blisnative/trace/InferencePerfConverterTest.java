package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferencePerfConverterTest {

    private static Trace convert(String folder, ConvertOptions options) {
        return TraceConversion.convert(TraceTestData.experiment(folder), null, options);
    }

    @Test
    void convert_llama70bGeneral_headerFromExpConfigAndLifecycleMetrics() {
        // given the Llama-2-70B TP4 general experiment
        // when it is converted with defaults
        Trace t = convert(TraceTestData.LLAMA70B_GENERAL, ConvertOptions.defaults());
        TraceHeader h = t.header();
        // then model, TP and vLLM limits are exp-config.yaml's
        assertEquals("meta-llama/Llama-2-70b-hf", h.model());
        assertEquals(4, h.tp());
        assertEquals("H100", h.hardware());
        assertEquals("general", h.workload());
        assertEquals("llama-2-70b-tp4-general", h.name());
        assertEquals(new VllmSettings(128, 2048, 4096, 16, true, true, 0.9, null, null), h.vllm());
        // and the measured figures are summary_lifecycle_metrics.json's, seconds turned into ms
        MeasuredStats all = h.measured().overall();
        assertEquals(16_800, all.count());
        assertEquals(0, all.failures());
        assertEquals(5.320605252511035 * 1000, all.e2e().meanMs(), 1e-9);
        assertEquals(0.06392329549998976 * 1000, all.ttft().p50Ms(), 1e-9);
        assertEquals(0.8819200370803442 * 1000, all.ttft().p99Ms(), 1e-9);
        assertEquals(0.010494554251081811 * 1000, all.tpot().meanMs(), 1e-9);
        assertEquals(0.0112881680217305 * 1000, all.tpot().p90Ms(), 1e-9);
        assertEquals(574.91, all.promptLenMean());
        // and per stage from stage_<i>_lifecycle_metrics.json, with the achieved rate
        assertEquals(2, h.measured().stages().size());
        assertEquals(4_800, h.measured().stages().get(0).count());
        assertEquals(4.678398947471131 * 1000, h.measured().stages().get(0).e2e().meanMs(), 1e-9);
        assertEquals(20.000234892292074, h.measured().stages().get(1).achievedRate(), 1e-12);
        // overall rate = all sends / all send time
        assertEquals(16_800 / (599.9047035800031 + 599.9929533139984), all.achievedRate(), 1e-9);
    }

    @Test
    void convert_llama70bGeneral_secondStageStartsAfterTheFirstDrains() {
        Trace t = convert(TraceTestData.LLAMA70B_GENERAL, ConvertOptions.defaults());
        // stage 1 starts after 600 s + the longest stage-0 latency 7.737904184003128 s (rounded up to µs) + 2 s
        TraceStage s1 = t.header().stages().get(1);
        assertEquals(600_000_000L + 7_737_905L + 2_000_000L, s1.startUs());
        assertEquals(20.0, s1.rate());
        assertEquals(16_800, t.requests().size());
    }

    @Test
    void convert_resolvedConfig_expandsWhatInferencePerfRan() {
        // given results/config.yaml shows 10 x 10 single-turn while profile.yaml asked for 9 x 5 multi-turn
        Trace t = convert(TraceTestData.LLAMA70B_GENERAL, ConvertOptions.defaults());
        // then requests name 100 distinct whole prompts and carry no sessions
        assertEquals(100, t.requests().stream().map(TraceRequest::prefixGroup).distinct().count());
        assertTrue(t.requests().stream().allMatch(r -> r.session() == null && r.prefixTokens() == 547));
        assertTrue(t.header().provenance().notes().get(1).contains("9 groups x 5 users"),
                t.header().provenance().notes().toString());
    }

    @Test
    void convert_profileSource_expandsMultiTurnUsers() {
        ConvertOptions profile = new ConvertOptions(42, SharedPrefixSource.PROFILE,
                ArrivalPattern.EXPONENTIAL_NORMALIZED, null, List.of(), null);
        Trace t = convert(TraceTestData.LLAMA70B_GENERAL, profile);
        // 9 groups x 5 users per stage, each with the 100-token system prompt as prefix
        assertEquals(9, t.requests().stream().map(TraceRequest::prefixGroup).distinct().count());
        assertEquals(90, t.requests().stream().map(TraceRequest::session).distinct().count());
        assertTrue(t.requests().stream().allMatch(r -> r.prefixTokens() == 100 && r.inputTokens() == 547));
    }

    @Test
    void convert_overloadedReasoning_keepsFailures() {
        // given the 7B reasoning run where 4068 of 4800 requests failed
        Trace t = convert(TraceTestData.LLAMA7B_REASONING, ConvertOptions.defaults());
        MeasuredStats all = t.header().measured().overall();
        // then the header says so and the trace still sends all 4 x 1200 = 4800 requests
        assertEquals(732, all.count());
        assertEquals(4_068, all.failures());
        assertEquals(4_800, t.requests().size());
        assertEquals(1_034, t.requests().get(0).inputTokens());
        assertEquals(1_448, t.requests().get(0).outputTokens());
        assertEquals(1, t.header().stages().size());
    }

    @Test
    void convert_everyExperiment_workloadFromFolderNameAndCountsFromLoadSummary() throws IOException {
        // given all inference-perf folders of ../shared/data
        List<Path> folders;
        try (Stream<Path> s = Files.list(TraceTestData.dataDir())) {
            folders = s.filter(p -> Files.exists(p.resolve("exp-config.yaml"))).sorted().toList();
        }
        assertEquals(12, folders.size());
        for (Path f : folders) {
            // when each is converted
            Trace t = TraceConversion.convert(f, null, ConvertOptions.defaults());
            // then its workload is the folder's last part and it sends what inference-perf sent
            String name = f.getFileName().toString();
            assertEquals(name.substring(name.lastIndexOf('-') + 1), t.header().workload());
            MeasuredStats all = t.header().measured().overall();
            assertEquals(all.count() + all.failures(), t.requests().size(), name);
        }
    }

    @Test
    void measuredPromptMeans_runsWithoutFailures_areAveragesOfOneHundredEquallySentPrompts() throws IOException {
        // given every experiment without failures
        List<Path> folders;
        try (Stream<Path> s = Files.list(TraceTestData.dataDir())) {
            folders = s.filter(p -> Files.exists(p.resolve("exp-config.yaml"))).sorted().toList();
        }
        for (Path f : folders) {
            MeasuredStats all = TraceConversion.convert(f, null, ConvertOptions.defaults()).header().measured().overall();
            if (all.failures() > 0) {
                continue;
            }
            // then 100 x the mean prompt length is a whole number of tokens, as when 100 fixed prompts are each
            // sent count/100 times (the resolved 10 x 10 single-turn setting, not the profile's 9 x 5 users)
            double hundredfold = all.promptLenMean() * 100;
            assertEquals(Math.rint(hundredfold), hundredfold, 1e-6, f.getFileName().toString());
            assertEquals(0, all.count() % 100, f.getFileName().toString());
        }
    }

    @Test
    void convert_sameSeed_equalTraces_seedChangesOnlyArrivalsAndPromptOrder() {
        Trace a = convert(TraceTestData.LLAMA70B_GENERAL, ConvertOptions.defaults());
        Trace b = convert(TraceTestData.LLAMA70B_GENERAL, ConvertOptions.defaults());
        Trace c = convert(TraceTestData.LLAMA70B_GENERAL, ConvertOptions.defaults().withSeed(1));
        assertEquals(a, b);
        assertEquals(a.requests().size(), c.requests().size());
        assertEquals(1L, c.header().seed());
        assertTrue(a.requests().get(0).arrivalUs() != c.requests().get(0).arrivalUs());
    }

    @Test
    void convert_missingExpConfigField_namesFileAndField(@TempDir Path dir) throws IOException {
        // given a copy of an experiment whose exp-config.yaml lacks max_num_seqs
        Path src = TraceTestData.experiment(TraceTestData.LLAMA70B_GENERAL);
        Path exp = dir.resolve("20260101-000000-x-tp1-general");
        Files.createDirectories(exp);
        Files.copy(src.resolve("profile.yaml"), exp.resolve("profile.yaml"));
        Files.writeString(exp.resolve("exp-config.yaml"), "model: m\ntensor_parallelism: 1\nmax_num_batched_tokens: 2048\n");
        // when converted
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> TraceConversion.convert(exp, null, ConvertOptions.defaults()));
        // then the message names exp-config.yaml and the field; without results the trace has no measured block
        assertTrue(e.getMessage().contains("exp-config.yaml: field 'max_num_seqs': is required"), e.getMessage());
        Files.writeString(exp.resolve("exp-config.yaml"),
                "model: m\ntensor_parallelism: 1\nmax_num_batched_tokens: 2048\nmax_num_seqs: 64\n");
        Trace t = TraceConversion.convert(exp, null, ConvertOptions.defaults());
        assertNull(t.header().measured());
        assertTrue(t.header().provenance().notes().get(0).contains("profile.yaml (results/config.yaml absent)"));
    }
}
