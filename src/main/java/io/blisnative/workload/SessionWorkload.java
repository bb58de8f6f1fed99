package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Generation of a multi-turn inference-perf workload: one chat session per client, its round 0
 * as a base request and a {@link SessionBlueprint} for the {@link SessionManager} to build the
 * rest from.
 *
 * <p>Per client, from its own stream: one start gap (offset into the client's window if it has
 * one; a start outside the window or past the horizon drops the session), the session id
 * {@code sess_<Int63>}, then round 0's question and output tokens. BLIS also generates the later
 * rounds open-loop at start + r·(think time + output length) and applies the horizon, window and
 * request cap to all rounds before keeping round 0; their times are computed here for that cut,
 * their tokens are not (nothing draws from the client stream afterwards).
 */
final class SessionWorkload {
    private SessionWorkload() {
    }

    /** A generated round: its time and client, and the request itself for round 0. */
    private record Round(long timeUs, int client, Arrival round0) {
    }

    static GeneratedWorkload generate(InferencePerfWorkload w, GoRandom workloadRng, double[] rates,
            Map<String, int[]> prefixes) {
        List<ClientPlan> clients = w.clients();
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            GoRandom clientRng = InferencePerfWorkload.clientStream(workloadRng, rates[i]);
            if (clientRng != null) {
                addSession(w, i, clients.get(i), clientRng, rates[i], prefixes, rounds);
            }
        }
        rounds.sort(Comparator.comparingLong(Round::timeUs));
        int kept = w.maxRequests() > 0 && rounds.size() > w.maxRequests() ? (int) w.maxRequests() : rounds.size();
        List<Arrival> base = new ArrayList<>();
        Arrival[] byClient = new Arrival[clients.size()];
        for (Round r : rounds.subList(0, kept)) {
            if (r.round0() != null) {
                base.add(r.round0());
                byClient[r.client()] = r.round0();
            }
        }
        SessionManager manager = new SessionManager(blueprints(w, byClient));
        List<Arrival> named = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            Arrival a = base.get(i);
            named.add(new Arrival("request_" + i, a.arrivalUs(), a.inputTokens(), a.outputTokens(), a.maxOutputLen(),
                    a.deadlineUs(), a.sloClass(), a.sessionId(), a.roundIndex()));
        }
        return new GeneratedWorkload(named.iterator(), manager);
    }

    private static void addSession(InferencePerfWorkload w, int index, ClientPlan c, GoRandom rng, double rate,
            Map<String, int[]> prefixes, List<Round> rounds) {
        ArrivalSampler sampler = InferencePerfWorkload.arrivalSampler(c, rng, rate);
        long iat = sampler.nextIatUs(rng);
        if (iat == 0) {
            return;
        }
        long start = c.window() == null ? iat : c.window().startUs() + iat;
        if (start >= w.horizonUs() || !c.activeAt(start)) {
            return;
        }
        String sessionId = "sess_" + rng.int63();
        int outputLen = c.sampledOutputLen();
        int[] question = TokenIds.random(rng, c.sampledQuestionLen());
        int[] output = TokenIds.random(rng, outputLen);
        int[] input = TokenIds.concat(prefixes.getOrDefault(c.prefixGroup(), new int[0]), question);
        Arrival round0 = new Arrival("pending", start, input, output, output.length,
                start + SessionBlueprint.DEFAULT_TIMEOUT_US, InferencePerfWorkload.SLO_CLASS, sessionId, 0);
        long step = c.multiTurn().thinkTimeUs() + outputLen;
        for (int r = 0; r < c.multiTurn().maxRounds(); r++) {
            long t = start + r * step;
            if (t >= w.horizonUs()) {
                break;
            }
            if (c.activeAt(t)) {
                rounds.add(new Round(t, index, r == 0 ? round0 : null));
            }
        }
    }

    /** One blueprint per surviving session, in client order, each seeded from the blueprint stream. */
    private static List<SessionBlueprint> blueprints(InferencePerfWorkload w, Arrival[] round0ByClient) {
        GoRandom blueprintRng = new GoRandom(w.seed() + InferencePerfWorkload.BLUEPRINT_SEED_OFFSET);
        List<ClientPlan> clients = w.clients();
        List<SessionBlueprint> blueprints = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Arrival round0 = round0ByClient[i];
            if (round0 == null) {
                continue;
            }
            ClientPlan c = clients.get(i);
            int[] prefix = new int[0];
            if (c.prefixLength() > 0 && round0.inputTokens().length >= c.prefixLength()) {
                prefix = Arrays.copyOf(round0.inputTokens(), c.prefixLength());
            }
            blueprints.add(new SessionBlueprint(round0.sessionId(), c.id(), c.multiTurn().maxRounds(),
                    c.multiTurn().thinkTimeUs(), SessionBlueprint.DEFAULT_TIMEOUT_US, w.horizonUs(),
                    c.sampledQuestionLen(), c.sampledOutputLen(), blueprintRng.int63(), prefix,
                    InferencePerfWorkload.SLO_CLASS));
        }
        return blueprints;
    }
}
