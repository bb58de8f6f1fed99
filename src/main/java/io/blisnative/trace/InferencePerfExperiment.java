package io.blisnative.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of one inference-perf experiment folder (layout of inference-sim/training
 * {@code default_args/<experiment>/}): {@code exp-config.yaml} (vLLM server arguments),
 * {@code profile.yaml} (the requested client profile), {@code results/config.yaml} (the profile as
 * inference-perf resolved it, optional) and {@code results/*_lifecycle_metrics.json} (optional).
 */
final class InferencePerfExperiment {

    /** One requested load stage. */
    record StageSpec(double rate, long durationS) {
    }

    /** aiohttp's ClientSession default total timeout (ClientTimeout(total=5 * 60)). */
    static final double AIOHTTP_DEFAULT_TIMEOUT_S = 300;

    private final Path folder;
    private final SourceDocument expConfig;
    private final SourceDocument profile;
    private final SourceDocument resolved;

    private InferencePerfExperiment(Path folder, SourceDocument expConfig, SourceDocument profile,
            SourceDocument resolved) {
        this.folder = folder;
        this.expConfig = expConfig;
        this.profile = profile;
        this.resolved = resolved;
    }

    /** Reads an experiment folder (or the folder of a given exp-config.yaml / profile.yaml). */
    static InferencePerfExperiment read(Path source) {
        Path folder = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        Path resolvedPath = folder.resolve("results").resolve("config.yaml");
        return new InferencePerfExperiment(folder,
                SourceDocument.yaml(folder.resolve("exp-config.yaml")),
                SourceDocument.yaml(folder.resolve("profile.yaml")),
                Files.exists(resolvedPath) ? SourceDocument.yaml(resolvedPath) : null);
    }

    /** Folder name, e.g. {@code 20260217-202857-llama-2-70b-tp4-general}. */
    String folderName() {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    /** Folder name without its {@code YYYYMMDD-HHMMSS-} timestamp. */
    String experimentName() {
        return folderName().replaceFirst("^\\d{8}-\\d{6}-", "");
    }

    /** Last dash-separated part of the folder name: general, codegen, roleplay, reasoning. */
    String workload() {
        String n = folderName();
        return n.substring(n.lastIndexOf('-') + 1);
    }

    SourceDocument expConfig() {
        return expConfig;
    }

    /** The resolved config, or null when results/config.yaml is absent. */
    SourceDocument resolved() {
        return resolved;
    }

    /** Shared-prefix settings from the profile. */
    SharedPrefixPlan profilePlan() {
        requireSharedPrefix(profile, "data");
        return SharedPrefixPlan.read(profile, "data.shared_prefix");
    }

    /** Shared-prefix settings as resolved, or null when there is no resolved config. */
    SharedPrefixPlan resolvedPlan() {
        if (resolved == null) {
            return null;
        }
        requireSharedPrefix(resolved, "data");
        return SharedPrefixPlan.read(resolved, "data.shared_prefix");
    }

    private static void requireSharedPrefix(SourceDocument doc, String dataPath) {
        String type = doc.optionalText(dataPath + ".type");
        if (type != null && !"shared_prefix".equals(type)) {
            throw doc.error(dataPath + ".type", "only shared_prefix data can be expanded, got '" + type + "'");
        }
        doc.require(dataPath + ".shared_prefix");
    }

    /** Requested stages from the profile, in order. */
    List<StageSpec> stages() {
        String type = profile.optionalText("load.type");
        if (type != null && !"constant".equals(type.toLowerCase(Locale.ROOT))) {
            throw profile.error("load.type", "only constant-rate load can be expanded, got '" + type + "'");
        }
        JsonNode list = profile.require("load.stages");
        if (!list.isArray() || list.isEmpty()) {
            throw profile.error("load.stages", "must be a non-empty list");
        }
        List<StageSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            double rate = profile.number("load.stages." + i + ".rate");
            long duration = profile.longValue("load.stages." + i + ".duration");
            if (!(rate > 0) || duration <= 0) {
                throw profile.error("load.stages." + i, "rate and duration must be > 0");
            }
            out.add(new StageSpec(rate, duration));
        }
        return out;
    }

    /** Pause between stages (inference-perf {@code load.interval}, s; its default is 1). */
    double stageIntervalS() {
        Double v = resolved == null ? null : resolved.optionalNumber("load.interval");
        if (v == null) {
            v = profile.optionalNumber("load.interval");
        }
        return v == null ? 1.0 : v;
    }

    /**
     * Client timeout per request in s: {@code load.request_timeout} (resolved config, else profile);
     * when unset, inference-perf gives aiohttp no timeout of its own and aiohttp's default total
     * timeout of 300 s applies.
     */
    double clientTimeoutS() {
        Double v = resolved == null ? null : resolved.optionalNumber("load.request_timeout");
        if (v == null) {
            v = profile.optionalNumber("load.request_timeout");
        }
        if (v != null && !(v > 0)) {
            throw (resolved != null ? resolved : profile).error("load.request_timeout", "must be > 0, got " + v);
        }
        return v == null ? AIOHTTP_DEFAULT_TIMEOUT_S : v;
    }

    /** Overall lifecycle metrics, or null when the file is absent. */
    LifecycleMetrics summary() {
        Path p = folder.resolve("results").resolve("summary_lifecycle_metrics.json");
        return Files.exists(p) ? LifecycleMetrics.read(p, null) : null;
    }

    /** Per-stage lifecycle metrics; an entry is null when its file is absent. */
    List<LifecycleMetrics> stageMetrics(int stageCount) {
        List<LifecycleMetrics> out = new ArrayList<>();
        for (int i = 0; i < stageCount; i++) {
            Path p = folder.resolve("results").resolve("stage_" + i + "_lifecycle_metrics.json");
            out.add(Files.exists(p) ? LifecycleMetrics.read(p, i) : null);
        }
        return out;
    }
}
