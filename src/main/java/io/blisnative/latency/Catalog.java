package io.blisnative.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The product's bundled catalog, read from a config folder laid out as
 * <pre>
 *   hardware.yaml                 GPUs
 *   defaults.yaml                 default GPU and TP per model; the latency fit used when none is named
 *   models/&lt;short-name&gt;.yaml      one model each
 *   coefficients/&lt;name&gt;.yaml      one coefficient fit each
 * </pre>
 * Reading is strict: an unknown key, a missing required key, a default naming an unknown GPU,
 * or two models answering to the same name is an error naming the file.
 *
 * <p>Models are looked up case-insensitively by short name, by any of their HuggingFace ids, or
 * by the part of a name after its '/' (so "meta-llama/Llama-2-70b-hf" finds llama-2-70b-hf).
 */
public final class Catalog {

    private final Map<String, CatalogModel> modelsByShortName;
    private final Map<String, CatalogModel> modelsByKey;
    private final Map<String, CatalogGpu> gpus;
    private final Map<String, ModelDefaults> defaults;
    private final Map<String, Coefficients> coefficients;
    private final Coefficients defaultLatency;

    private Catalog(Map<String, CatalogModel> modelsByShortName, Map<String, CatalogModel> modelsByKey,
            Map<String, CatalogGpu> gpus, Map<String, ModelDefaults> defaults, Map<String, Coefficients> coefficients,
            Coefficients defaultLatency) {
        this.defaultLatency = defaultLatency;
        this.modelsByShortName = Collections.unmodifiableMap(modelsByShortName);
        this.modelsByKey = modelsByKey;
        this.gpus = Collections.unmodifiableMap(gpus);
        this.defaults = Collections.unmodifiableMap(defaults);
        this.coefficients = Collections.unmodifiableMap(coefficients);
    }

    /**
     * Reads a catalog folder (normally {@code config/} at the project root).
     *
     * @throws IllegalArgumentException naming the file and key of the first problem found
     */
    public static Catalog load(Path configDir) {
        if (configDir == null || !Files.isDirectory(configDir)) {
            throw new IllegalArgumentException(configDir + ": catalog folder not found");
        }
        Map<String, CatalogGpu> gpus = readGpus(configDir.resolve("hardware.yaml"));
        Map<String, CatalogModel> models = new TreeMap<>();
        for (Path file : yamlFiles(configDir.resolve("models"))) {
            models.put(stem(file), readModel(file));
        }
        Path defaultsFile = configDir.resolve("defaults.yaml");
        CatalogFiles.DefaultsFile defaultsYaml = CatalogFiles.read(defaultsFile, CatalogFiles.DefaultsFile.class);
        Map<String, ModelDefaults> defaults = readDefaults(defaultsFile, defaultsYaml, gpus);
        Map<String, Coefficients> fits = new TreeMap<>();
        for (Path file : yamlFiles(configDir.resolve("coefficients"))) {
            fits.put(stem(file), readCoefficients(file));
        }
        return new Catalog(models, indexModels(configDir.resolve("models"), models), gpus, defaults, fits,
                defaultLatency(defaultsFile, defaultsYaml.latency(), fits));
    }

    /**
     * The coefficient fit (and with it the latency model) a run uses when it names neither a latency
     * model nor coefficients: defaults.yaml {@code latency.coefficients}; empty when not set.
     */
    public Optional<Coefficients> defaultLatency() {
        return Optional.ofNullable(defaultLatency);
    }

    private static Coefficients defaultLatency(Path file, CatalogFiles.LatencyDefault section,
            Map<String, Coefficients> fits) {
        if (section == null) {
            return null;
        }
        String name = requireText(file, section.coefficients(), "latency.coefficients");
        Coefficients fit = fits.get(name);
        if (fit == null) {
            throw new IllegalArgumentException(file + ": latency.coefficients '" + name
                    + "' is not a file in coefficients/ (have " + String.join(", ", fits.keySet()) + ")");
        }
        return fit;
    }

    /** Every catalog model, by short name. */
    public Map<String, CatalogModel> models() {
        return modelsByShortName;
    }

    /** The catalog model a short name, HF id, or "org/short-name" refers to (case-insensitive). */
    public Optional<CatalogModel> findModel(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT);
        CatalogModel m = modelsByKey.get(key);
        if (m == null && key.contains("/")) {
            m = modelsByKey.get(afterSlash(key));
        }
        return Optional.ofNullable(m);
    }

    /**
     * The model a user named: a catalog model, else a folder holding a HuggingFace
     * {@code config.json} (or the file itself).
     *
     * @throws IllegalArgumentException when it is neither, listing the catalog's models
     */
    public ModelConfig resolveModel(String nameOrPath) {
        Optional<CatalogModel> m = findModel(nameOrPath);
        if (m.isPresent()) {
            return m.get().config();
        }
        Path path = nameOrPath == null ? null : Path.of(nameOrPath);
        if (path != null && (Files.isRegularFile(path) || Files.isRegularFile(path.resolve("config.json")))) {
            return ModelConfigs.load(path);
        }
        throw new IllegalArgumentException("unknown model '" + nameOrPath + "': not in the catalog ("
                + String.join(", ", modelsByShortName.keySet())
                + ") and not a folder holding a HuggingFace config.json");
    }

    /** Every catalog GPU, by name. */
    public Map<String, CatalogGpu> gpus() {
        return gpus;
    }

    /**
     * A GPU's figures: from {@code blisHardwareJson} when given (BLIS hardware_config.json
     * format), else from the catalog.
     *
     * @throws IllegalArgumentException when the GPU is unknown, listing the known ones
     */
    public HardwareConfig resolveHardware(String gpu, Path blisHardwareJson) {
        if (blisHardwareJson != null) {
            return HardwareConfigs.load(blisHardwareJson, gpu);
        }
        CatalogGpu g = gpus.get(gpu);
        if (g == null) {
            throw new IllegalArgumentException("unknown GPU '" + gpu + "' (catalog has: "
                    + String.join(", ", gpus.keySet()) + ")");
        }
        return g.config();
    }

    /**
     * Sustained / peak HBM bandwidth of a GPU for roofline-v2: 1 when {@code blisHardwareJson}
     * is given (BLIS's hardware file has no such figure), else the catalog GPU's (1 when it has
     * none).
     *
     * @throws IllegalArgumentException when the GPU is not in the catalog
     */
    public double bandwidthEfficiency(String gpu, Path blisHardwareJson) {
        if (blisHardwareJson != null) {
            return 1.0;
        }
        CatalogGpu g = gpus.get(gpu);
        if (g == null) {
            throw new IllegalArgumentException("unknown GPU '" + gpu + "' (catalog has: "
                    + String.join(", ", gpus.keySet()) + ")");
        }
        return g.bandwidthEfficiency();
    }

    /** Default GPU and TP for a model, looked up by its lowercased name, then by the part after '/'. */
    public Optional<ModelDefaults> defaults(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String key = model.toLowerCase(Locale.ROOT);
        ModelDefaults d = defaults.get(key);
        if (d == null) {
            d = defaults.get(afterSlash(key));
        }
        return Optional.ofNullable(d);
    }

    /** Every coefficient fit, by file name without ".yaml". */
    public Map<String, Coefficients> coefficients() {
        return coefficients;
    }

    private static CatalogModel readModel(Path file) {
        CatalogFiles.ModelFile f = CatalogFiles.read(file, CatalogFiles.ModelFile.class);
        String source = requireText(file, f.source(), "source");
        if (f.ids() == null || f.ids().isEmpty() || f.ids().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException(file + ": key 'ids' must list the model's HuggingFace ids");
        }
        return new CatalogModel(stem(file), f.ids(), source, CatalogFiles.toModel(file, f), f.dtype());
    }

    private static Map<String, CatalogGpu> readGpus(Path file) {
        CatalogFiles.HardwareFile f = CatalogFiles.read(file, CatalogFiles.HardwareFile.class);
        Map<String, CatalogGpu> gpus = new TreeMap<>();
        for (Map.Entry<String, CatalogFiles.GpuEntry> e : requireMap(file, f.gpus(), "gpus").entrySet()) {
            try {
                gpus.put(e.getKey(), CatalogFiles.toGpu(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
            }
        }
        return gpus;
    }

    private static Map<String, ModelDefaults> readDefaults(Path file, CatalogFiles.DefaultsFile f,
            Map<String, CatalogGpu> gpus) {
        String fileSource = requireText(file, f.source(), "source");
        Map<String, ModelDefaults> out = new TreeMap<>();
        Map<String, String> byShortName = new TreeMap<>();
        for (Map.Entry<String, CatalogFiles.DefaultsEntry> e : requireMap(file, f.models(), "models").entrySet()) {
            String model = e.getKey().toLowerCase(Locale.ROOT);
            CatalogFiles.DefaultsEntry d = e.getValue();
            String gpu = requireText(file, d.gpu(), "models." + e.getKey() + ".gpu");
            if (!gpus.containsKey(gpu)) {
                throw new IllegalArgumentException(file + ": models." + e.getKey() + ".gpu '" + gpu
                        + "' is not in hardware.yaml");
            }
            Integer tp = d.tp();
            if (tp == null || tp <= 0) {
                throw new IllegalArgumentException(file + ": models." + e.getKey() + ".tp must be a whole number > 0");
            }
            ModelDefaults value = new ModelDefaults(gpu, tp, d.source() != null ? d.source() : fileSource);
            claim(file, out, model, value, e.getKey());
            String shortName = afterSlash(model);
            if (!shortName.equals(model)) {
                String other = byShortName.putIfAbsent(shortName, e.getKey());
                if (other != null) {
                    throw new IllegalArgumentException(file + ": models '" + other + "' and '" + e.getKey()
                            + "' share the name '" + shortName + "' after '/'");
                }
                out.putIfAbsent(shortName, value);
            }
        }
        return out;
    }

    /** Reads one coefficients file (the format of config/coefficients/). */
    public static Coefficients readCoefficients(Path file) {
        CatalogFiles.CoefficientsFile f = CatalogFiles.read(file, CatalogFiles.CoefficientsFile.class);
        try {
            String model = requireText(file, f.latencyModel(), "latency_model");
            if (!LatencyModels.NAMES.contains(model)) {
                throw new IllegalArgumentException("latency_model '" + model + "' is not one of "
                        + String.join(", ", LatencyModels.NAMES));
            }
            if (f.rooflineV2() != null && !model.equals(LatencyModels.ROOFLINE_V2)) {
                throw new IllegalArgumentException("section 'roofline_v2' needs latency_model "
                        + LatencyModels.ROOFLINE_V2 + ", got " + model);
            }
            return new Coefficients(stem(file), model, doubles(CatalogFiles.req(f.alpha(), "alpha")),
                    doubles(CatalogFiles.req(f.beta(), "beta")), f.source(), f.data(), f.loss(),
                    CatalogFiles.toOverheads(f.rooflineV2()), Boolean.TRUE.equals(f.asyncScheduling()), f.split());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(file.toString()) ? e.getMessage()
                    : file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, CatalogModel> indexModels(Path modelsDir, Map<String, CatalogModel> models) {
        Map<String, CatalogModel> index = new TreeMap<>();
        for (CatalogModel m : models.values()) {
            Path file = modelsDir.resolve(m.shortName() + ".yaml");
            claim(file, index, m.shortName().toLowerCase(Locale.ROOT), m, m.shortName());
            for (String id : m.ids()) {
                String key = id.toLowerCase(Locale.ROOT);
                claim(file, index, key, m, id);
                if (!afterSlash(key).equals(key)) {
                    claim(file, index, afterSlash(key), m, id);
                }
            }
        }
        return index;
    }

    /** Puts {@code key → value} unless another value holds the key. */
    private static <T> void claim(Path file, Map<String, T> map, String key, T value, String what) {
        T old = map.putIfAbsent(key, value);
        if (old != null && !old.equals(value)) {
            throw new IllegalArgumentException(file + ": '" + what + "' collides with another entry under the name '"
                    + key + "'");
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": catalog folder not found");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }

    private static String afterSlash(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static String requireText(Path file, String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": key '" + key + "' is required");
        }
        return value;
    }

    private static <K, V> Map<K, V> requireMap(Path file, Map<K, V> value, String key) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(file + ": key '" + key + "' is required and must not be empty");
        }
        return value;
    }

    private static double[] doubles(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException("coefficient [" + i + "] is empty");
            }
            out[i] = values.get(i);
        }
        return out;
    }
}
