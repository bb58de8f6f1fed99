package io.blisnative.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expands inference-perf shared_prefix data and constant-rate stages into requests, as
 * inference-perf sends them (docs/trace-format.md, "inference-perf expansion"):
 * <ul>
 *   <li>stage k sends floor(rate × duration) requests, numbered n = 0, 1, … within the stage;</li>
 *   <li>single turn: the G × Q prompts (group g = prompt / Q) are shuffled once; request n sends
 *       prompt perm[n mod G·Q], so whole prompts repeat and share every token;</li>
 *   <li>multi turn: the G × Q users are shuffled once; request n is round n div G·Q of user
 *       perm[n mod G·Q], whose group's system prompt is the shared prefix; prompts stay fixed-length.</li>
 * </ul>
 * Random draws come from one {@link SplittableRandom} per purpose split off the seed, so the same
 * seed gives the same requests.
 */
final class SharedPrefixExpander {

    private static final double US_PER_S = 1_000_000.0;

    private SharedPrefixExpander() {
    }

    /**
     * @param plan     shared-prefix settings
     * @param stages   stages with their start times; rate must be set
     * @param arrivals spacing of sends within a stage
     * @param seed     seed of all random choices
     * @return requests in arrival order, ids 0, 1, … in that order
     */
    static List<TraceRequest> expand(SharedPrefixPlan plan, List<TraceStage> stages, ArrivalPattern arrivals,
            long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        int[] perm = shuffledIdentity(plan.population(), root.split());
        List<TraceRequest> out = new ArrayList<>();
        long id = 0;
        for (TraceStage stage : stages) {
            long[] offsets = sendOffsetsUs(requestCount(stage), stage.rate(), stage.durationUs(), arrivals,
                    root.split());
            for (int n = 0; n < offsets.length; n++) {
                out.add(request(plan, perm, stage, n, id++, stage.startUs() + offsets[n]));
            }
        }
        return out;
    }

    /** Requests a stage sends: rate × duration truncated, as inference-perf computes it. */
    static int requestCount(TraceStage stage) {
        double durationS = stage.durationUs() / US_PER_S;
        return (int) (stage.rate() * durationS);
    }

    private static TraceRequest request(SharedPrefixPlan plan, int[] perm, TraceStage stage, int n, long id,
            long arrivalUs) {
        int population = perm.length;
        int member = perm[n % population];
        int group = member / plan.promptsPerGroup();
        int input = plan.systemPromptLen() + plan.questionLen();
        String prefixGroup;
        Integer prefixTokens;
        String session = null;
        Integer round = null;
        if (plan.multiTurn()) {
            prefixGroup = plan.systemPromptLen() > 0 ? "g" + group : null;
            prefixTokens = plan.systemPromptLen() > 0 ? plan.systemPromptLen() : null;
            session = "s" + stage.index() + "-u" + member;
            round = n / population;
        } else {
            prefixGroup = input > 0 ? "g" + group + "-p" + (member % plan.promptsPerGroup()) : null;
            prefixTokens = input > 0 ? input : null;
        }
        return new TraceRequest(id, arrivalUs, input, plan.outputLen(), prefixGroup, prefixTokens, session, round,
                stage.index(), null, null, null, null, null);
    }

    /**
     * Send times within a stage, µs from its start, non-decreasing.
     */
    static long[] sendOffsetsUs(int count, double rate, long durationUs, ArrivalPattern pattern,
            SplittableRandom rng) {
        long[] out = new long[count];
        if (count == 0) {
            return out;
        }
        if (pattern == ArrivalPattern.FIXED_INTERVAL) {
            for (int i = 0; i < count; i++) {
                out[i] = Math.round(i * US_PER_S / rate);
            }
            return out;
        }
        double[] cumulative = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            // Unit-mean exponential gap; the scale cancels in the normalisation below.
            sum += -StrictMath.log(1.0 - rng.nextDouble());
            cumulative[i] = sum;
        }
        for (int i = 0; i < count; i++) {
            out[i] = Math.round(durationUs * (cumulative[i] / sum));
        }
        return out;
    }

    private static int[] shuffledIdentity(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
