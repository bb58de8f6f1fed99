package io.blisnative.cli;

import io.blisnative.latency.Catalog;
import io.blisnative.latency.CatalogModel;
import io.blisnative.latency.Coefficients;
import io.blisnative.latency.LatencyModels;
import io.blisnative.latency.ModelConfig;
import io.blisnative.latency.ModelDefaults;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code models}: the bundled catalog's models, coefficient fits and latency model names. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the bundled models (architecture, size, dtype, HuggingFace ids, default GPU and TP),",
            "the bundled coefficient fits and the latency model names."})
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogListing listing;

    @Override
    public Integer call() throws Exception {
        return listing.print(spec, ModelsCommand::catalogJson, ModelsCommand::printTables);
    }

    private static Map<String, Object> catalogJson(Catalog catalog) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("models", catalog.models().values().stream().map(m -> modelJson(catalog, m)).toList());
        doc.put("coefficients", catalog.coefficients().values().stream().map(ModelsCommand::fitJson).toList());
        doc.put("latency_models", LatencyModels.NAMES.stream().map(ModelsCommand::latencyJson).toList());
        return doc;
    }

    private static void printTables(PrintWriter out, Catalog catalog) {
        TextTable models = new TextTable("MODEL", "ARCHITECTURE", ">LAYERS", ">HIDDEN", ">HEADS", ">KV HEADS", "DTYPE",
                "DEFAULT", "HUGGINGFACE IDS");
        for (CatalogModel m : catalog.models().values()) {
            ModelConfig c = m.config();
            Optional<ModelDefaults> d = defaults(catalog, m);
            models.add(m.shortName(), architecture(c), Integer.toString(c.numLayers()), Integer.toString(c.hiddenDim()),
                    Integer.toString(c.numHeads()), Integer.toString(c.numKvHeads()), dtype(m),
                    d.map(x -> x.gpu() + " TP" + x.tp()).orElse("-"), String.join(", ", m.ids()));
        }
        models.print(out);
        out.println();
        TextTable fits = new TextTable("COEFFICIENTS", "LATENCY MODEL", "LOSS");
        catalog.coefficients().values().forEach(f -> fits.add(f.name(), f.latencyModel(), f.loss()));
        fits.print(out);
        out.println();
        TextTable names = new TextTable("LATENCY MODEL", "STEP TIME");
        LatencyModels.NAMES.forEach(n -> names.add(n, describe(n)));
        names.print(out);
    }

    /**
     * "dense", "MoE 8x2", "MoE 64x6 +shared (first 1 dense)", "MoE 16x1 in 24/48 layers" (interleaved, as
     * the latency models split layers), with ", MLA" for compressed KV.
     */
    static String architecture(ModelConfig c) {
        StringBuilder s = new StringBuilder();
        if (c.isMoe()) {
            s.append("MoE ").append(c.numExperts()).append('x').append(c.numExpertsPerTok());
            if (c.sharedExpertFfnDim() > 0) {
                s.append(" +shared");
            }
            if (c.numMoeLayers() < c.numLayers()) {
                s.append(" in ").append(c.numMoeLayers()).append('/').append(c.numLayers()).append(" layers");
            }
            if (c.firstKDenseReplace() > 0) {
                s.append(" (first ").append(c.firstKDenseReplace()).append(" dense)");
            }
        } else {
            s.append("dense");
        }
        if (c.isMla()) {
            s.append(", MLA");
        }
        return s.toString();
    }

    /** The dtype name, with the weight width when weights are quantized to something else. */
    private static String dtype(CatalogModel m) {
        ModelConfig c = m.config();
        double w = c.effectiveWeightBytesPerParam();
        return w == c.bytesPerParam() ? m.dtype()
                : String.format(Locale.ROOT, "%s, weights %s B", m.dtype(), TextTable.number(w));
    }

    private static Optional<ModelDefaults> defaults(Catalog catalog, CatalogModel m) {
        for (String id : m.ids()) {
            Optional<ModelDefaults> d = catalog.defaults(id);
            if (d.isPresent()) {
                return d;
            }
        }
        return catalog.defaults(m.shortName());
    }

    static String describe(String latencyModel) {
        switch (latencyModel) {
            case LatencyModels.BLACKBOX:
                return "beta0 + beta1*prefill tokens + beta2*decode tokens (historical BLIS regression)";
            case LatencyModels.ROOFLINE:
                return "max(compute, memory) from FLOPs and bytes at fixed MFUs (BLIS roofline)";
            case LatencyModels.ROOFLINE_V2:
                return "roofline per phase at sustained bandwidth, mixed-step blend, optional seed-study overheads";
            case LatencyModels.TRAINED_PHYSICS:
                return "roofline terms scaled by fitted betas plus per-layer/request/step constants (BLIS default)";
            case LatencyModels.KERNEL_ROOFLINE:
                return "per-kernel rooflines (GEMMs, attention, all-reduce) plus fixed costs, fitted on H100 vLLM runs"
                        + " (default without --latency-model)";
            default:
                return "";
        }
    }

    private static Map<String, Object> modelJson(Catalog catalog, CatalogModel m) {
        ModelConfig c = m.config();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", m.shortName());
        j.put("architecture", architecture(c));
        j.put("layers", c.numLayers());
        j.put("hidden_size", c.hiddenDim());
        j.put("attention_heads", c.numHeads());
        j.put("kv_heads", c.numKvHeads());
        j.put("dtype", m.dtype());
        j.put("weight_bytes_per_param", c.effectiveWeightBytesPerParam());
        j.put("experts", c.numExperts());
        j.put("experts_per_token", c.numExpertsPerTok());
        j.put("moe_layers", c.numMoeLayers());
        j.put("mla", c.isMla());
        j.put("huggingface_ids", m.ids());
        Optional<ModelDefaults> d = defaults(catalog, m);
        j.put("default_gpu", d.map(ModelDefaults::gpu).orElse(null));
        j.put("default_tp", d.map(ModelDefaults::tp).orElse(null));
        j.put("source", m.source());
        return j;
    }

    private static Map<String, Object> fitJson(Coefficients f) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", f.name());
        j.put("latency_model", f.latencyModel());
        j.put("loss", f.loss());
        j.put("data", f.data());
        j.put("source", f.source());
        return j;
    }

    private static Map<String, Object> latencyJson(String name) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", name);
        j.put("description", describe(name));
        return j;
    }
}
