package io.blisnative.latency;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The YAML shapes of the catalog files in {@code config/} and their strict reading: an unknown
 * or duplicate key, a quoted number or a fraction where a whole number belongs is an error
 * naming the file and the key path. Optional figures are boxed so that absent means null.
 */
final class CatalogFiles {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CatalogFiles() {
    }

    /** config/hardware.yaml. */
    record HardwareFile(@JsonProperty("gpus") Map<String, GpuEntry> gpus) {
    }

    /** One GPU of config/hardware.yaml; units as {@link HardwareConfig}. */
    record GpuEntry(
            @JsonProperty("source") String source,
            @JsonProperty("tflops_peak") Double tflopsPeak,
            @JsonProperty("tflops_fp8") Double tflopsFp8,
            @JsonProperty("bw_peak_tbs") Double bwPeakTbs,
            @JsonProperty("mfu_prefill") Double mfuPrefill,
            @JsonProperty("mfu_decode") Double mfuDecode,
            @JsonProperty("memory_gib") Double memoryGib,
            @JsonProperty("bandwidth_efficiency") Double bandwidthEfficiency,
            @JsonProperty("bandwidth_efficiency_source") String bandwidthEfficiencySource) {
    }

    /** One config/models/&lt;short-name&gt;.yaml. */
    record ModelFile(
            @JsonProperty("ids") List<String> ids,
            @JsonProperty("source") String source,
            @JsonProperty("layers") Integer layers,
            @JsonProperty("hidden_size") Integer hiddenSize,
            @JsonProperty("attention_heads") Integer attentionHeads,
            @JsonProperty("kv_heads") Integer kvHeads,
            @JsonProperty("head_dim") Integer headDim,
            @JsonProperty("intermediate_size") Integer intermediateSize,
            @JsonProperty("vocab_size") Integer vocabSize,
            @JsonProperty("dtype") String dtype,
            @JsonProperty("weight_bytes_per_param") Double weightBytesPerParam,
            @JsonProperty("activation") String activation,
            @JsonProperty("tie_word_embeddings") Boolean tieWordEmbeddings,
            @JsonProperty("max_model_len") Long maxModelLen,
            @JsonProperty("moe") MoeSection moe,
            @JsonProperty("mla") MlaSection mla) {
    }

    /** The moe: section of a model file. */
    record MoeSection(
            @JsonProperty("experts") Integer experts,
            @JsonProperty("experts_per_token") Integer expertsPerToken,
            @JsonProperty("expert_intermediate_size") Integer expertIntermediateSize,
            @JsonProperty("shared_expert_intermediate_size") Integer sharedExpertIntermediateSize,
            @JsonProperty("interleave_step") Integer interleaveStep,
            @JsonProperty("dense_intermediate_size") Integer denseIntermediateSize,
            @JsonProperty("first_dense_layers") Integer firstDenseLayers) {
    }

    /** The mla: section of a model file. */
    record MlaSection(
            @JsonProperty("kv_lora_rank") Integer kvLoraRank,
            @JsonProperty("qk_rope_head_dim") Integer qkRopeHeadDim) {
    }

    /** config/defaults.yaml. */
    record DefaultsFile(
            @JsonProperty("source") String source,
            @JsonProperty("latency") LatencyDefault latency,
            @JsonProperty("models") Map<String, DefaultsEntry> models) {
    }

    /** The latency: section of config/defaults.yaml: the fit used when no latency model is named. */
    record LatencyDefault(
            @JsonProperty("coefficients") String coefficients,
            @JsonProperty("source") String source) {
    }

    /** One model of config/defaults.yaml; its own source overrides the file's. */
    record DefaultsEntry(
            @JsonProperty("gpu") String gpu,
            @JsonProperty("tp") Integer tp,
            @JsonProperty("source") String source) {
    }

    /** One config/coefficients/&lt;name&gt;.yaml. */
    record CoefficientsFile(
            @JsonProperty("latency_model") String latencyModel,
            @JsonProperty("source") String source,
            @JsonProperty("data") String data,
            @JsonProperty("loss") String loss,
            @JsonProperty("alpha") List<Double> alpha,
            @JsonProperty("beta") List<Double> beta,
            @JsonProperty("roofline_v2") RooflineV2Section rooflineV2,
            @JsonProperty("async_scheduling") Boolean asyncScheduling,
            @JsonProperty("split") String split,
            @JsonProperty("calibration") Map<String, Object> calibration) {
    }

    /** The roofline_v2: section of a coefficients file; absent figures are 0 (off). Units µs. */
    record RooflineV2Section(
            @JsonProperty("step_overhead_us") Double stepOverheadUs,
            @JsonProperty("prefill_overhead_us") Double prefillOverheadUs,
            @JsonProperty("mixed_prefill_overhead_us") Double mixedPrefillOverheadUs,
            @JsonProperty("allreduce_latency_us") Double allReduceLatencyUs) {
    }

    /** The overheads of a roofline_v2: section, {@link RooflineV2Overheads#NONE} when there is none. */
    static RooflineV2Overheads toOverheads(RooflineV2Section section) {
        if (section == null) {
            return RooflineV2Overheads.NONE;
        }
        return new RooflineV2Overheads(opt(section.stepOverheadUs()), opt(section.prefillOverheadUs()),
                opt(section.mixedPrefillOverheadUs()), opt(section.allReduceLatencyUs()));
    }

    /** The model a model file describes; {@code file} names it in errors. */
    static ModelConfig toModel(Path file, ModelFile f) {
        if (f.vocabSize() != null && f.vocabSize() <= 0) {
            throw new IllegalArgumentException(file + ": key 'vocab_size' must be > 0, got " + f.vocabSize());
        }
        if (f.intermediateSize() != null && f.intermediateSize() <= 0) {
            throw new IllegalArgumentException(file + ": key 'intermediate_size' must be > 0, got "
                    + f.intermediateSize());
        }
        MoeSection moe = f.moe() != null ? f.moe() : new MoeSection(0, 0, null, null, null, null, null);
        MlaSection mla = f.mla() != null ? f.mla() : new MlaSection(0, 0);
        try {
            return new ModelConfig(req(f.layers(), "layers"), req(f.hiddenSize(), "hidden_size"),
                    req(f.attentionHeads(), "attention_heads"), req(f.kvHeads(), "kv_heads"),
                    req(f.intermediateSize(), "intermediate_size"), req(f.vocabSize(), "vocab_size"),
                    dtypeBytes(req(f.dtype(), "dtype")), opt(f.weightBytesPerParam()), opt(f.headDim()),
                    req(moe.experts(), "moe.experts"), req(moe.expertsPerToken(), "moe.experts_per_token"),
                    opt(moe.expertIntermediateSize()), opt(moe.sharedExpertIntermediateSize()),
                    opt(moe.interleaveStep()), opt(moe.denseIntermediateSize()), opt(moe.firstDenseLayers()),
                    req(mla.kvLoraRank(), "mla.kv_lora_rank"), req(mla.qkRopeHeadDim(), "mla.qk_rope_head_dim"),
                    req(f.activation(), "activation"), f.tieWordEmbeddings() != null && f.tieWordEmbeddings(),
                    req(f.maxModelLen(), "max_model_len"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A hardware entry: its figures, source and optional bandwidth efficiency (with its own source). */
    static CatalogGpu toGpu(String gpu, GpuEntry e) {
        HardwareConfig config = toHardware(gpu, e);
        if (e.bandwidthEfficiency() == null) {
            if (e.bandwidthEfficiencySource() != null) {
                throw new IllegalArgumentException("GPU '" + gpu
                        + "': key 'bandwidth_efficiency_source' given without 'bandwidth_efficiency'");
            }
            return new CatalogGpu(gpu, e.source(), config);
        }
        if (e.bandwidthEfficiencySource() == null || e.bandwidthEfficiencySource().isBlank()) {
            throw new IllegalArgumentException("GPU '" + gpu
                    + "': key 'bandwidth_efficiency_source' is required with 'bandwidth_efficiency'");
        }
        return new CatalogGpu(gpu, e.source(), config, e.bandwidthEfficiency(), e.bandwidthEfficiencySource());
    }

    /** The GPU figures of a hardware entry. */
    static HardwareConfig toHardware(String gpu, GpuEntry e) {
        try {
            return new HardwareConfig(req(e.tflopsPeak(), "tflops_peak"), opt(e.tflopsFp8()),
                    req(e.bwPeakTbs(), "bw_peak_tbs"), req(e.mfuPrefill(), "mfu_prefill"),
                    req(e.mfuDecode(), "mfu_decode"), req(e.memoryGib(), "memory_gib"));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("GPU '" + gpu + "': " + ex.getMessage(), ex);
        }
    }

    private static double dtypeBytes(String dtype) {
        switch (dtype) {
            case "float32":
                return 4;
            case "float16":
            case "bfloat16":
                return 2;
            case "fp8":
            case "int8":
            case "uint8":
            case "int4":
            case "nf4":
                return 1;
            default:
                throw new IllegalArgumentException("dtype '" + dtype
                        + "' is not one of bfloat16, float16, float32, fp8, int4, int8, nf4, uint8");
        }
    }

    static <T> T req(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("key '" + key + "' is required");
        }
        return value;
    }

    private static int opt(Integer value) {
        return value == null ? 0 : value;
    }

    private static double opt(Double value) {
        return value == null ? 0 : value;
    }

    /**
     * Reads one file into {@code type}.
     *
     * @throws IllegalArgumentException "file: problem at key.path" on any read or shape error
     */
    static <T> T read(Path file, Class<T> type) {
        try {
            T value = YAML.readValue(file.toFile(), type);
            if (value == null) {
                throw new IllegalArgumentException(file + ": file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName() + "'" + at(e), e);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(file + ": key '" + path(e) + "' must be " + describe(e.getTargetType()),
                    e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + at(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static String at(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type != null && List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys";
    }
}
