package io.blisnative.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts an inference-perf experiment folder: the shared_prefix profile is expanded into
 * requests (see {@link SharedPrefixExpander}), the vLLM settings come from exp-config.yaml, and the
 * lifecycle metrics become the header's measured figures.
 */
final class InferencePerfConverter implements TraceConverter {

    private static final long US_PER_S = 1_000_000L;
    /** inference-perf schedules a stage's first send 1 s after the stage begins. */
    private static final double STAGE_HEAD_START_S = 1.0;

    @Override
    public Trace convert(Path source, ConvertOptions options) {
        InferencePerfExperiment exp = InferencePerfExperiment.read(source);
        List<String> notes = new ArrayList<>();
        SharedPrefixPlan plan = choosePlan(exp, options.sharedPrefix(), notes);
        List<InferencePerfExperiment.StageSpec> specs = exp.stages();
        List<LifecycleMetrics> stageMetrics = exp.stageMetrics(specs.size());
        describeExpansion(plan, options.arrivals(), notes);
        List<TraceStage> stages = stages(specs, stageMetrics, exp.stageIntervalS(), notes);
        List<TraceRequest> requests = withClientTimeout(
                SharedPrefixExpander.expand(plan, stages, options.arrivals(), options.seed()), exp.clientTimeoutS(),
                notes);
        Measured measured = measured(exp.summary(), stageMetrics);
        if (measured != null && measured.overall().promptLenMean() != null) {
            notes.add(String.format(Locale.ROOT, "input_tokens = system_prompt_len + question_len = %d (nominal);"
                    + " the server counted prompt_len_mean = %s (re-tokenisation of the random-token text)",
                    plan.systemPromptLen() + plan.questionLen(), TraceJson.format(measured.overall().promptLenMean())));
        }
        notes.add("output_tokens = output_len: inference-perf sends ignore_eos, so every completed request"
                + " generates exactly that many tokens");
        notes.add("vllm: block_size 16, prefix caching on, chunked prefill on and gpu_memory_utilization 0.9 are"
                + " vLLM defaults (exp-config.yaml does not set them); hardware as given to convert");
        notes.addAll(options.notes());
        SourceDocument cfg = exp.expConfig();
        VllmSettings vllm = new VllmSettings(cfg.integer("max_num_seqs"), cfg.integer("max_num_batched_tokens"),
                cfg.optionalInteger("max_model_len"), VllmSettings.DEFAULT_BLOCK_SIZE, true, true,
                VllmSettings.DEFAULT_GPU_MEMORY_UTILIZATION, null, null);
        Provenance provenance = new Provenance(SourceKind.INFERENCE_PERF.id(), exp.folderName(), options.sourceRef(),
                ConvertOptions.CONVERTED_BY, notes);
        TraceHeader header = new TraceHeader(TraceHeader.FORMAT, TraceHeader.VERSION, exp.experimentName(),
                exp.workload(), cfg.text("model"), ConvertOptions.DEFAULT_HARDWARE, cfg.integer("tensor_parallelism"),
                vllm, stages, 0, options.seed(), provenance, measured);
        return new Trace(header, requests);
    }

    /**
     * Every request gets the client's deadline: inference-perf abandons a request when its timeout
     * expires (recorded as a failure) and vLLM aborts a streamed request whose client disconnects.
     */
    private static List<TraceRequest> withClientTimeout(List<TraceRequest> requests, double timeoutS,
            List<String> notes) {
        long timeoutUs = Math.round(timeoutS * US_PER_S);
        notes.add(String.format(Locale.ROOT, "deadline_us = arrival + %s s: the client timeout (load.request_timeout,"
                + " else aiohttp's default total timeout of 300 s, as inference-perf sets none); a request still"
                + " running then fails and vLLM aborts it", TraceJson.format(timeoutS)));
        List<TraceRequest> out = new ArrayList<>(requests.size());
        for (TraceRequest r : requests) {
            out.add(new TraceRequest(r.id(), r.arrivalUs(), r.inputTokens(), r.outputTokens(), r.prefixGroup(),
                    r.prefixTokens(), r.session(), r.round(), r.stage(), r.sloClass(), r.arrivalUs() + timeoutUs,
                    r.warmup(), r.client(), r.measured()));
        }
        return out;
    }

    private static SharedPrefixPlan choosePlan(InferencePerfExperiment exp, SharedPrefixSource source,
            List<String> notes) {
        SharedPrefixPlan profile = exp.profilePlan();
        SharedPrefixPlan resolved = exp.resolvedPlan();
        if (source == SharedPrefixSource.PROFILE) {
            notes.add("shared_prefix from profile.yaml: " + profile.describe());
            if (resolved != null && !resolved.equals(profile)) {
                notes.add("results/config.yaml shows inference-perf actually ran " + resolved.describe());
            }
            return profile;
        }
        if (resolved == null) {
            notes.add("shared_prefix from profile.yaml (results/config.yaml absent): " + profile.describe());
            return profile;
        }
        notes.add("shared_prefix from results/config.yaml, as inference-perf resolved and ran it: "
                + resolved.describe());
        if (!resolved.equals(profile)) {
            notes.add("profile.yaml asked for " + profile.describe() + "; the inference-perf version that ran"
                    + " did not know those keys and used its defaults for them");
        }
        return resolved;
    }

    private static void describeExpansion(SharedPrefixPlan plan, ArrivalPattern arrivals, List<String> notes) {
        if (plan.multiTurn()) {
            notes.add("multi-turn: request n of a stage is round n div " + plan.population() + " of user perm[n mod "
                    + plan.population() + "] (seeded shuffle), session s<stage>-u<user>; prefix_group g<group> shares"
                    + " the system prompt; prompts stay fixed-length (no history growth)");
        } else {
            notes.add("single-turn: request n of a stage sends prompt perm[n mod " + plan.population() + "] (seeded"
                    + " shuffle); identical prompts repeat, so prefix_group g<group>-p<prompt> names the prompt and"
                    + " prefix_tokens covers all of it (the system prompt shared across a group's prompts is not"
                    + " expressed: it matters only for each prompt's first send)");
        }
        if (arrivals == ArrivalPattern.EXPONENTIAL_NORMALIZED) {
            notes.add("arrivals: inference-perf constant load = rate x duration exponential gaps scaled to sum to"
                    + " the stage duration (seeded here; the measured run was unseeded, so sends differ in detail)");
        } else {
            notes.add("arrivals: fixed interval 1/rate from the stage start (not inference-perf's spacing)");
        }
    }

    /**
     * Stage k+1 starts after stage k's duration, its longest measured request (inference-perf waits
     * for every request of a stage to finish) and the inter-stage pause plus the head start.
     */
    private static List<TraceStage> stages(List<InferencePerfExperiment.StageSpec> specs,
            List<LifecycleMetrics> metrics, double intervalS, List<String> notes) {
        List<TraceStage> out = new ArrayList<>();
        long start = 0;
        for (int k = 0; k < specs.size(); k++) {
            InferencePerfExperiment.StageSpec s = specs.get(k);
            long durationUs = s.durationS() * US_PER_S;
            out.add(new TraceStage(k, start, durationUs, s.rate()));
            LifecycleMetrics m = metrics.get(k);
            long drainUs = (long) Math.ceil((m == null ? 0 : m.maxLatencyS()) * US_PER_S);
            start += durationUs + drainUs + Math.round((intervalS + STAGE_HEAD_START_S) * US_PER_S);
        }
        if (specs.size() > 1) {
            notes.add(String.format(Locale.ROOT, "stage k+1 starts at stage k's end + its longest measured request"
                    + " latency + %s s (load.interval %s s + 1 s head start): inference-perf drains a stage before"
                    + " starting the next", TraceJson.format(intervalS + STAGE_HEAD_START_S),
                    TraceJson.format(intervalS)));
        }
        return out;
    }

    private static Measured measured(LifecycleMetrics summary, List<LifecycleMetrics> stageMetrics) {
        if (summary == null) {
            return null;
        }
        List<MeasuredStats> stages = new ArrayList<>();
        long sent = 0;
        double sendS = 0;
        boolean rateKnown = true;
        for (LifecycleMetrics m : stageMetrics) {
            if (m == null) {
                rateKnown = false;
                continue;
            }
            stages.add(m.stats());
            sent += m.sent();
            rateKnown &= m.sendDurationS() != null && m.sendDurationS() > 0;
            sendS += m.sendDurationS() == null ? 0 : m.sendDurationS();
        }
        LifecycleMetrics overall = summary;
        if (overall.stats().achievedRate() == null && rateKnown && !stageMetrics.isEmpty()) {
            overall = overall.withAchievedRate(sent / sendS);
        }
        return new Measured(LifecycleMetrics.TPOT_DEFINITION, overall.stats(), stages);
    }
}
