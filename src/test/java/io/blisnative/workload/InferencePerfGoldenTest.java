package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blisnative.kv.BlockCache;
import io.blisnative.kv.KvCache;
import io.blisnative.kv.TieredKvCache;
import io.blisnative.latency.HardwareConfig;
import io.blisnative.latency.HardwareConfigs;
import io.blisnative.latency.ModelConfig;
import io.blisnative.latency.ModelConfigs;
import io.blisnative.latency.RooflineModel;
import io.blisnative.latency.TrainedPhysicsModel;
import io.blisnative.metrics.BlisMetrics;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.PreemptionPolicy;
import io.blisnative.sim.QueueOrder;
import io.blisnative.sim.SimConfig;
import io.blisnative.sim.SimResult;
import io.blisnative.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BLIS's two 15-experiment golden sets ({@code TestRoofline_GoldenDataset},
 * {@code TestTrainedPhysics_GoldenDataset}): inference-perf workload with multi-turn sessions,
 * the named model's HF config on the H100 entry, the CPU KV tier where the experiment has one,
 * run to completion. Counts and the TTFT sum must match exactly, every other metric within a
 * relative 1e-9.
 */
class InferencePerfGoldenTest {
    private static final double REL_TOL = 1e-9;
    private static final String[] FILES = {"roofline_goldendataset.json", "trained_physics_iter29.json"};
    private static final String[] FLOAT_METRICS =
            {"ttft_mean_ms", "ttft_p90_ms", "ttft_p99_ms", "e2e_mean_ms", "e2e_p90_ms", "e2e_p99_ms", "itl_mean_ms"};
    private static final String[] COUNTS =
            {"completed_requests", "total_input_tokens", "total_output_tokens", "ttft_sum_us"};

    /** One experiment of one dataset file. */
    record Experiment(Path blisReference, String backend, double[] alpha, double[] beta, JsonNode row) {
        @Override
        public String toString() {
            return backend + " " + row.get("id").asText() + " " + row.get("model").asText();
        }
    }

    static Stream<Arguments> experiments() throws IOException {
        String shared = System.getProperty("blis.shared.dir");
        Path ref = shared == null ? null : Path.of(shared, "blis-reference");
        if (ref == null || !Files.isDirectory(ref.resolve("testdata"))) {
            return Stream.of(Arguments.of((Object) null));
        }
        List<Arguments> all = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : FILES) {
            JsonNode root = json.readTree(ref.resolve("testdata").resolve(file).toFile());
            String backend = root.get("backend").asText();
            double[] alpha = doubles(root.get("alpha_coeffs"), 3);
            double[] beta = doubles(root.get("beta_coeffs"), 10);
            for (JsonNode row : root.get("experiments")) {
                all.add(Arguments.of(new Experiment(ref, backend, alpha, beta, row)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void run_goldenExperiment_matchesBlis(Experiment exp) {
        assumeTrue(exp != null, "BLIS golden data not found under blis.shared.dir; golden parity skipped");
        // given the experiment's model, hardware, KV tiers, batch limits and workload
        JsonNode row = exp.row();
        ModelConfig model = ModelConfigs.load(
                exp.blisReference().resolve(row.get("model_config_dir").asText()).resolve("config.json"),
                row.get("model").asText());
        HardwareConfig hw = HardwareConfigs.load(exp.blisReference().resolve("hardware_config.json"),
                row.get("hardware").asText());
        int tp = row.get("tp").asInt();
        LatencyModel latency = "roofline".equals(exp.backend())
                ? new RooflineModel(model, hw, tp, new double[3])
                : new TrainedPhysicsModel(model, hw, tp, exp.alpha(), exp.beta());
        BlockCache gpu = new BlockCache(row.get("total_kv_blocks").asInt(), 16);
        int cpuBlocks = row.get("cpu_kv_blocks").asInt();
        KvCache kv = cpuBlocks > 0 ? new TieredKvCache(gpu, cpuBlocks, 0.2, 0) : gpu;
        SimConfig config = new SimConfig(row.get("max_num_seqs").asInt(), row.get("max_num_batched_tokens").asInt(),
                0, 0, QueueOrder.FCFS, PreemptionPolicy.FCFS, Long.MAX_VALUE);
        JsonNode wl = row.get("workload");
        GeneratedWorkload workload = new InferencePerfWorkload(spec(wl.get("inference_perf")), wl.get("seed").asLong(),
                Long.MAX_VALUE, wl.get("num_requests").asLong()).generate();

        // when it runs to completion
        SimResult r = new Simulator(config, kv, latency, workload.sessions()).run(workload.arrivals());

        // then nothing is left behind and every metric matches BLIS
        gpu.verifyConservation();
        assertEquals(0, r.stillQueued() + r.stillRunning() + r.droppedUnservable() + r.timedOut(),
                () -> "requests left behind: " + r);
        Map<String, Number> actual = actual(r);
        JsonNode expected = row.get("expected");
        List<String> wrong = new ArrayList<>();
        for (String k : COUNTS) {
            if (expected.get(k).asLong() != actual.get(k).longValue()) {
                wrong.add(k);
            }
        }
        for (String k : FLOAT_METRICS) {
            double want = expected.get(k).asDouble();
            double got = actual.get(k).doubleValue();
            double scale = Math.max(Math.abs(want), Math.abs(got));
            if (scale > 0 && Math.abs(want - got) / scale > REL_TOL) {
                wrong.add(k);
            }
        }
        if (!wrong.isEmpty()) {
            fail(exp + ": mismatch in " + wrong + "\n" + table(expected, actual));
        }
    }

    private static Map<String, Number> actual(SimResult r) {
        BlisMetrics m = BlisMetrics.of(r);
        Map<String, Number> a = new LinkedHashMap<>();
        a.put("completed_requests", r.completed());
        a.put("total_input_tokens", r.totalInputTokens());
        a.put("total_output_tokens", r.totalOutputTokens());
        a.put("ttft_sum_us", r.ttftSumUs());
        a.put("ttft_mean_ms", m.ttftMeanMs());
        a.put("ttft_p90_ms", m.ttftP90Ms());
        a.put("ttft_p99_ms", m.ttftP99Ms());
        a.put("e2e_mean_ms", m.e2eMeanMs());
        a.put("e2e_p90_ms", m.e2eP90Ms());
        a.put("e2e_p99_ms", m.e2eP99Ms());
        a.put("itl_mean_ms", m.itlMeanMs());
        return a;
    }

    private static String table(JsonNode expected, Map<String, Number> actual) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %22s %22s %10s%n",
                "metric", "expected", "actual", "rel diff"));
        for (Map.Entry<String, Number> e : actual.entrySet()) {
            double want = expected.get(e.getKey()).asDouble();
            double got = e.getValue().doubleValue();
            double scale = Math.max(Math.abs(want), Math.abs(got));
            sb.append(String.format(Locale.ROOT, "%-20s %22s %22s %10.2e%n", e.getKey(),
                    expected.get(e.getKey()).asText(), e.getValue(), scale == 0 ? 0 : Math.abs(want - got) / scale));
        }
        return sb.toString();
    }

    static InferencePerfSpec spec(JsonNode ip) {
        return WorkloadSpecFile.inferencePerf(ip);
    }

    private static double[] doubles(JsonNode array, int minLength) {
        if (array == null) {
            return new double[minLength];
        }
        double[] v = new double[Math.max(minLength, array.size())];
        for (int i = 0; i < array.size(); i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
