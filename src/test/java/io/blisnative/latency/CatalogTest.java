package io.blisnative.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    private static Catalog catalog;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        catalog = Catalog.load(TestPaths.configDir());
    }

    @Test
    void load_projectConfig_hasModelsGpusDefaultsAndIter29() {
        // given the project's config/ folder (loaded once)
        // when / then
        assertEquals(14, catalog.models().size());
        assertTrue(catalog.models().containsKey("llama-2-70b-hf"));
        assertEquals(List.of("A100-80", "A100-SXM", "H100", "L40S"), List.copyOf(catalog.gpus().keySet()));
        Coefficients iter29 = catalog.coefficients().get("trained-physics-iter29");
        assertEquals("trained-physics", iter29.latencyModel());
        assertArrayEquals(TrainedPhysicsModelTest.ALPHA, iter29.alpha());
        assertArrayEquals(TrainedPhysicsModelTest.BETA, iter29.beta());
        assertEquals(new ModelDefaults("H100", 4, catalog.defaults("meta-llama/Llama-2-70b-hf").get().source()),
                catalog.defaults("meta-llama/Llama-2-70b-hf").get());
    }

    @Test
    void models_everyReferenceConfig_sameFiguresAsCatalog() throws IOException {
        // given BLIS's bundled HF configs
        Path configs = TestPaths.blisReference().resolve("model_configs");
        List<Path> folders;
        try (Stream<Path> s = Files.list(configs)) {
            folders = s.sorted().collect(Collectors.toList());
        }
        assertEquals(13, folders.size());
        for (Path folder : folders) {
            // when the catalog entry of the same short name is compared with the parsed config.json
            String name = folder.getFileName().toString();
            CatalogModel entry = catalog.findModel(name).orElseThrow(() -> new AssertionError("no catalog " + name));
            // then every figure agrees
            assertEquals(ModelConfigs.load(folder), entry.config(), name);
        }
    }

    @Test
    void gpus_sameFiguresAsReferenceHardwareFile() {
        // given BLIS's hardware_config.json
        Map<String, HardwareConfig> reference =
                HardwareConfigs.readBlisJson(TestPaths.blisReference().resolve("hardware_config.json"));
        // when / then
        assertEquals(reference.keySet(), catalog.gpus().keySet());
        reference.forEach((gpu, hw) -> assertEquals(hw, catalog.gpus().get(gpu).config(), gpu));
    }

    @Test
    void defaultsAndCoefficients_sameAsReferenceDefaultsYaml() throws IOException {
        // given BLIS's defaults.yaml
        JsonNode ref = new ObjectMapper(new YAMLFactory())
                .readTree(TestPaths.blisReference().resolve("defaults.yaml").toFile());
        // when / then every defaults: entry has the same GPU and TP in the catalog
        int entries = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("defaults").fields(); it.hasNext(); entries++) {
            Map.Entry<String, JsonNode> e = it.next();
            ModelDefaults d = catalog.defaults(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey()));
            assertEquals(e.getValue().get("GPU").asText(), d.gpu(), e.getKey());
            assertEquals(e.getValue().get("tensor_parallelism").asInt(), d.tp(), e.getKey());
        }
        assertEquals(30, entries);
        // and the trained-physics coefficients are the reference ones
        JsonNode tp = ref.get("trained_physics_coefficients");
        Coefficients iter29 = catalog.coefficients().get("trained-physics-iter29");
        for (int i = 0; i < 3; i++) {
            assertEquals(tp.get("alpha_coeffs").get(i).asDouble(), iter29.alpha()[i]);
        }
        assertEquals(tp.get("beta_coeffs").size(), iter29.beta().length);
        for (int i = 0; i < iter29.beta().length; i++) {
            assertEquals(tp.get("beta_coeffs").get(i).asDouble(), iter29.beta()[i]);
        }
    }

    @Test
    void findModel_byIdShortNameOrgPrefixAnyCase_sameEntry() {
        // given / when / then
        CatalogModel byId = catalog.findModel("meta-llama/Llama-2-70b-hf").orElseThrow();
        assertEquals("llama-2-70b-hf", byId.shortName());
        assertEquals(byId, catalog.findModel("meta-llama/llama-2-70b-hf").orElseThrow());
        assertEquals(byId, catalog.findModel("LLAMA-2-70B-HF").orElseThrow());
        assertEquals(byId, catalog.findModel("some-mirror/Llama-2-70b-hf").orElseThrow());
        assertEquals("qwen2.5-7b-instruct", catalog.findModel("Qwen/Qwen2.5-7B-Instruct").orElseThrow().shortName());
        assertEquals("llama-3.1-8b-instruct", catalog.findModel("meta-llama/Llama-3.1-8B").orElseThrow().shortName());
        assertFalse(catalog.findModel("meta-llama/Llama-2-13b-hf").isPresent());
        // and Llama-2-70B carries its public figures
        assertEquals(ModelConfig.builder().shape(80, 8192, 64, 8).intermediateDim(28672).vocabSize(32000)
                .bytesPerParam(2).hiddenAct("silu").maxModelLen(4096).build(), byId.config());
    }

    @Test
    void resolve_folderOrBlisHardwareFile_usedInsteadOfCatalog() throws IOException {
        // given a folder holding a HF config.json and a BLIS-format hardware file
        Path model = Files.createDirectories(tmp.resolve("tiny"));
        Files.writeString(model.resolve("config.json"), "{\"num_hidden_layers\": 2, \"hidden_size\": 64,"
                + " \"num_attention_heads\": 4, \"torch_dtype\": \"float16\"}");
        Path hw = Files.writeString(tmp.resolve("hw.json"),
                "{\"B200\": {\"TFlopsPeak\": 2250, \"BwPeakTBs\": 8, \"mfuPrefill\": 0.5, \"mfuDecode\": 0.3}}");
        // when
        ModelConfig m = catalog.resolveModel(model.toString());
        HardwareConfig g = catalog.resolveHardware("B200", hw);
        // then
        assertEquals(2, m.numLayers());
        assertEquals(2250, g.tFlopsPeak());
        assertEquals(989.5, catalog.resolveHardware("H100", null).tFlopsPeak());
        IllegalArgumentException unknownModel = assertThrows(IllegalArgumentException.class,
                () -> catalog.resolveModel("acme/unknown-7b"));
        assertTrue(unknownModel.getMessage().contains("llama-2-70b-hf"), unknownModel.getMessage());
        IllegalArgumentException unknownGpu = assertThrows(IllegalArgumentException.class,
                () -> catalog.resolveHardware("B200", null));
        assertTrue(unknownGpu.getMessage().contains("catalog has: A100-80, A100-SXM, H100, L40S"),
                unknownGpu.getMessage());
    }

    @Test
    void load_unknownOrMissingKeys_errorNamesFileAndKey() throws IOException {
        // given copies of the catalog with one defect each
        // when / then
        assertDefect("models/yi-34b.yaml", "layers: 60", "layers: 60\nlayer_count: 60",
                "yi-34b.yaml: unknown key 'layer_count'");
        assertDefect("models/yi-34b.yaml", "vocab_size: 64000\n", "", "yi-34b.yaml: key 'vocab_size' is required");
        assertDefect("models/yi-34b.yaml", "layers: 60", "layers: 60.5", "yi-34b.yaml: key 'layers' must be a whole number");
        assertDefect("models/yi-34b.yaml", "layers: 60", "layers: \"60\"", "key 'layers' must be a whole number");
        assertDefect("models/yi-34b.yaml", "vocab_size: 64000", "vocab_size: 0", "key 'vocab_size' must be > 0");
        assertDefect("models/yi-34b.yaml", "dtype: bfloat16", "dtype: bf16", "dtype 'bf16' is not one of");
        assertDefect("models/mixtral-8x7b-v0.1.yaml", "  experts_per_token: 2", "  experts_per_tok: 2",
                "unknown key 'experts_per_tok' at moe.experts_per_tok");
        assertDefect("models/yi-34b.yaml", "ids: [01-ai/Yi-34B]", "ids: [Qwen/Qwen3-14B]",
                "'Qwen/Qwen3-14B' collides");
        assertDefect("hardware.yaml", "    memory_gib: 48.0", "    memory_gb: 48.0",
                "hardware.yaml: unknown key 'memory_gb'");
        assertDefect("hardware.yaml", "    mfu_decode: 0.08", "    mfu_decode: 1.08", "mfuDecode must be in [0, 1]");
        assertDefect("defaults.yaml", "{gpu: H100, tp: 1}", "{gpu: H200, tp: 1}", "'H200' is not in hardware.yaml");
        assertDefect("defaults.yaml", "models:", "modles:", "defaults.yaml: unknown key 'modles'");
        assertDefect("coefficients/trained-physics-iter29.yaml", "latency_model: trained-physics",
                "latency_model: physics", "latency_model 'physics' is not one of");
        assertDefect("coefficients/trained-physics-iter29.yaml", "alpha: [15563.199579, 777.3455, 45.907545]",
                "alpha: [15563.199579, -777.3455, 45.907545]", "alpha[1] must be a finite number >= 0");
    }

    @Test
    void load_projectConfig_bandwidthEfficiencyPerGpuWithSource() {
        // given the project's hardware.yaml
        // when / then H100 carries the seed study's 0.82, the A100s a410740f's 0.80, L40S no figure
        assertEquals(0.82, catalog.gpus().get("H100").bandwidthEfficiency());
        assertTrue(catalog.gpus().get("H100").bandwidthEfficiencySource().contains("a410740f"));
        assertEquals(0.80, catalog.gpus().get("A100-SXM").bandwidthEfficiency());
        assertEquals(0.80, catalog.gpus().get("A100-80").bandwidthEfficiency());
        assertEquals(1.0, catalog.gpus().get("L40S").bandwidthEfficiency());
        assertEquals(null, catalog.gpus().get("L40S").bandwidthEfficiencySource());
        assertEquals(0.82, catalog.bandwidthEfficiency("H100", null));
        assertEquals(1.0, catalog.bandwidthEfficiency("H100", Path.of("any-blis-hardware.json")));
        assertThrows(IllegalArgumentException.class, () -> catalog.bandwidthEfficiency("B200", null));
    }

    @Test
    void load_seedOverheadsFile_rooflineV2OverheadsAndZeroAlphas() {
        // given config/coefficients/roofline-v2-seed-overheads.yaml
        Coefficients seed = catalog.coefficients().get("roofline-v2-seed-overheads");
        // when / then the H2 treatment figures (µs): 5 ms per step, 30 ms per prefill, 15 ms per mixed prefill
        assertEquals("roofline-v2", seed.latencyModel());
        assertEquals(new RooflineV2Overheads(5_000, 30_000, 15_000, 0), seed.rooflineV2());
        assertArrayEquals(new double[3], seed.alpha());
        assertEquals(0, seed.beta().length);
        assertEquals(RooflineV2Overheads.NONE, catalog.coefficients().get("trained-physics-iter29").rooflineV2());
    }

    @Test
    void findModel_catalogEntry_keepsDtypeName() {
        // given / when / then
        assertEquals("bfloat16", catalog.findModel("yi-34b").orElseThrow().dtype());
        assertEquals("float16", catalog.findModel("meta-llama/Llama-2-7b-hf").orElseThrow().dtype());
    }

    @Test
    void load_badRooflineV2Figures_errorNamesFileAndKey() throws IOException {
        // given copies of the catalog with one defect each
        // when / then
        assertDefect("hardware.yaml", "    bandwidth_efficiency: 0.82", "    bandwidth_efficiency: 1.2",
                "GPU 'H100': bandwidth_efficiency must be in (0, 1]");
        assertDefect("hardware.yaml", "    memory_gib: 48.0", "    memory_gib: 48.0\n    bandwidth_efficiency: 0.9",
                "GPU 'L40S': key 'bandwidth_efficiency_source' is required");
        assertDefect("hardware.yaml", "    memory_gib: 48.0", "    memory_gib: 48.0\n    bandwidth_efficiency_source: x",
                "GPU 'L40S': key 'bandwidth_efficiency_source' given without 'bandwidth_efficiency'");
        assertDefect("coefficients/roofline-v2-seed-overheads.yaml", "latency_model: roofline-v2",
                "latency_model: roofline", "section 'roofline_v2' needs latency_model roofline-v2, got roofline");
        assertDefect("coefficients/roofline-v2-seed-overheads.yaml", "  step_overhead_us: 5000",
                "  step_overhead: 5000", "unknown key 'step_overhead' at roofline_v2.step_overhead");
        assertDefect("coefficients/roofline-v2-seed-overheads.yaml", "  prefill_overhead_us: 30000",
                "  prefill_overhead_us: -1", "prefillOverheadUs must be a finite number >= 0");
    }

    private void assertDefect(String file, String from, String to, String expected) throws IOException {
        Path copy = Files.createTempDirectory(tmp, "config");
        copyTree(TestPaths.configDir(), copy);
        Path target = copy.resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(from), file + " lacks '" + from + "'");
        Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalog.load(copy));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toList())) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
