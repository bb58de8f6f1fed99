package io.blisnative.workload;

import io.blisnative.workload.ClientPlan.ActiveWindow;
import io.blisnative.workload.ClientPlan.MultiTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns an {@link InferencePerfSpec} into clients the way BLIS's {@code ExpandInferencePerfSpec}
 * does, so generation downstream sees the same client list, in the same order.
 *
 * <p>Each stage gets N·M clients named after their system prompt and user ({@code prompt-p-user-u},
 * prefixed {@code stage-s-} when there are several stages), grouped by system prompt.
 * <ul>
 *   <li>One stage, multi-turn: one chat session per client, Poisson start at the client's share of
 *       the stage rate; the stage's rate·duration requests are spread evenly over the sessions as
 *       their round counts, and the think time between rounds is N·M / rate seconds.</li>
 *   <li>One stage, single requests: each client sends exactly its even share of rate·duration
 *       requests with normalized-exponential gaps spanning the stage.</li>
 *   <li>Several stages: each stage's clients are active only in that stage's window and send (or
 *       start their session) as a Poisson process at rate / (N·M).</li>
 * </ul>
 */
final class InferencePerfExpansion {
    /** BLIS refuses more clients than this in single-request single-stage mode. */
    private static final long MAX_CLIENTS = 1_000_000L;

    private InferencePerfExpansion() {
    }

    /**
     * The expanded clients in BLIS's order (stage, system prompt, user) and the aggregate rate in
     * requests per second (the stage rate, or the sum of stage rates).
     */
    record Result(List<ClientPlan> clients, double aggregateRate) {
        Result {
            clients = List.copyOf(clients);
        }
    }

    static Result expand(InferencePerfSpec spec) {
        List<InferencePerfSpec.Stage> stages = spec.stages();
        if (stages.size() == 1) {
            InferencePerfSpec.Stage stage = stages.get(0);
            List<ClientPlan> clients = spec.sharedPrefix().enableMultiTurnChat()
                    ? singleStageSessions(spec, stage)
                    : singleStageRequests(spec, stage);
            return new Result(clients, stage.rate());
        }
        double aggregateRate = 0;
        for (InferencePerfSpec.Stage stage : stages) {
            aggregateRate += stage.rate();
        }
        List<ClientPlan> clients = new ArrayList<>();
        long offsetUs = 0;
        for (int s = 0; s < stages.size(); s++) {
            InferencePerfSpec.Stage stage = stages.get(s);
            ActiveWindow window = new ActiveWindow(offsetUs, offsetUs + stage.durationUs());
            offsetUs = window.endUs();
            clients.addAll(stageClients(spec, s, stage, window));
        }
        return new Result(clients, aggregateRate);
    }

    private static List<ClientPlan> singleStageSessions(InferencePerfSpec spec, InferencePerfSpec.Stage stage) {
        int n = spec.clientsPerStage();
        int[] rounds = distributeEvenly(totalRequests(stage, 0), n);
        double rateFraction = 1.0 / n;
        List<ClientPlan> clients = new ArrayList<>(n);
        int c = 0;
        for (int p = 0; p < spec.sharedPrefix().numUniqueSystemPrompts(); p++) {
            for (int u = 0; u < spec.sharedPrefix().numUsersPerSystemPrompt(); u++) {
                MultiTurn session = new MultiTurn(rounds[c++], thinkTimeUs(stage.rate(), n));
                clients.add(client(spec, "prompt-" + p + "-user-" + u, p, rateFraction, null, null, session));
            }
        }
        return clients;
    }

    private static List<ClientPlan> singleStageRequests(InferencePerfSpec spec, InferencePerfSpec.Stage stage) {
        int n = spec.clientsPerStage();
        int total = totalRequests(stage, 0);
        int[] perClient = distributeEvenly(total, n);
        long durationUs = stage.durationUs();
        if (n > MAX_CLIENTS) {
            throw new IllegalArgumentException("total client count " + n + " exceeds the safety limit " + MAX_CLIENTS);
        }
        double rateFraction = 1.0 / n;
        List<ClientPlan> clients = new ArrayList<>(n);
        int c = 0;
        for (int p = 0; p < spec.sharedPrefix().numUniqueSystemPrompts(); p++) {
            for (int u = 0; u < spec.sharedPrefix().numUsersPerSystemPrompt(); u++) {
                String id = "prompt-" + p + "-user-" + u;
                long count = perClient[c++];
                if (count <= 0) {
                    throw new IllegalArgumentException("inference_perf: client " + id + " got 0 requests (total "
                            + total + " < clients " + n + "); increase rate or duration");
                }
                if (count > NormalizedExponentialArrivals.MAX_COUNT) {
                    throw new IllegalArgumentException("inference_perf: " + count + " requests per client exceed the "
                            + "safety limit " + NormalizedExponentialArrivals.MAX_COUNT);
                }
                if (durationUs < count) {
                    throw new IllegalArgumentException("inference_perf: duration " + durationUs + " µs < " + count
                            + " requests per client gives a degenerate distribution");
                }
                Function<GoRandom, ArrivalSampler> sampler =
                        rng -> new NormalizedExponentialArrivals(rng, count, durationUs);
                clients.add(client(spec, id, p, rateFraction, sampler, null, null));
            }
        }
        return clients;
    }

    private static List<ClientPlan> stageClients(
            InferencePerfSpec spec, int s, InferencePerfSpec.Stage stage, ActiveWindow window) {
        int n = spec.clientsPerStage();
        double perClientRatePerUs = stage.rate() / n / 1e6;
        // The sampler ignores the generator it is built from; BLIS still draws its seed.
        Function<GoRandom, ArrivalSampler> sampler = rng -> new PoissonArrivals(perClientRatePerUs);
        boolean multiTurn = spec.sharedPrefix().enableMultiTurnChat();
        int[] rounds = multiTurn ? distributeEvenly(totalRequests(stage, s), n) : null;
        List<ClientPlan> clients = new ArrayList<>(n);
        int c = 0;
        for (int p = 0; p < spec.sharedPrefix().numUniqueSystemPrompts(); p++) {
            for (int u = 0; u < spec.sharedPrefix().numUsersPerSystemPrompt(); u++) {
                MultiTurn session = multiTurn ? new MultiTurn(rounds[c++], thinkTimeUs(stage.rate(), n)) : null;
                String id = "stage-" + s + "-prompt-" + p + "-user-" + u;
                clients.add(client(spec, id, p, 1.0, sampler, window, session));
            }
        }
        return clients;
    }

    private static ClientPlan client(InferencePerfSpec spec, String id, int prompt, double rateFraction,
            Function<GoRandom, ArrivalSampler> sampler, ActiveWindow window, MultiTurn session) {
        InferencePerfSpec.SharedPrefix sp = spec.sharedPrefix();
        return new ClientPlan(id, "prompt-" + prompt, rateFraction, sampler, sp.questionLen(), sp.outputLen(),
                sp.systemPromptLen(), window, session);
    }

    /** rate × duration truncated, as Go's {@code int(rate * float64(duration))}; must be ≥ 1. */
    private static int totalRequests(InferencePerfSpec.Stage stage, int index) {
        double product = stage.rate() * (double) stage.durationS();
        long total = (long) product;
        if (total < 1) {
            throw new IllegalArgumentException("inference_perf.stages[" + index + "]: rate " + stage.rate()
                    + " × duration " + stage.durationS() + " s gives " + total + " requests (< 1)");
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "inference_perf.stages[" + index + "]: " + total + " requests is too many");
        }
        return (int) total;
    }

    /** Think time between rounds: sessions / rate seconds, truncated to µs. */
    static long thinkTimeUs(double stageRate, int sessions) {
        return (long) ((double) sessions / stageRate * 1e6);
    }

    /** {@code total} split over {@code n} parts differing by at most 1, larger parts first. */
    static int[] distributeEvenly(int total, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must be non-negative, got " + total);
        }
        int[] parts = new int[n];
        int base = total / n;
        int remainder = total % n;
        for (int i = 0; i < n; i++) {
            parts[i] = i < remainder ? base + 1 : base;
        }
        return parts;
    }
}
