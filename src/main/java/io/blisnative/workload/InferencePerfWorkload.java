package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import io.blisnative.sim.SessionHook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * An inference-perf workload generated draw for draw as BLIS does it
 * ({@code ExpandInferencePerfSpec}, then {@code GenerateWorkload}), so a simulation fed with it
 * sees the same requests at the same times as BLIS's golden runs.
 *
 * <p>Random streams: a {@code workload-gen} stream (see {@link PartitionedSeeds}) first draws one
 * system prompt per prefix group (in client order; 50 tokens when the spec says 0), then one seed
 * per client; each client draws everything else (its sampler's seed when it has a custom arrival
 * sampler, gaps, session id, token ids) from its own stream. Session follow-ups use one stream
 * per session, seeded in client order from a stream seeded with {@code seed + 7919}.
 *
 * <p>Base requests are merged across clients by arrival time (ties keep client order), cut to
 * {@code maxRequests} (0 = no cap), and named {@code request_<i>}. For multi-turn specs only each
 * session's round 0 is a base request; the later rounds only count towards the cap, exactly as
 * BLIS first generates all rounds open-loop and then keeps round 0. The remaining rounds come from
 * the {@link SessionManager} as rounds complete.
 *
 * <p>Single-request workloads are generated lazily (one pending request per client); multi-turn
 * workloads hold one request per session. Each {@link #generate()} starts again from the seed.
 */
public final class InferencePerfWorkload {
    /** BLIS's prefix length for a group whose clients specify none. */
    static final int DEFAULT_PREFIX_LENGTH = 50;
    /** Offset BLIS adds to the spec seed for the session-blueprint stream. */
    static final long BLUEPRINT_SEED_OFFSET = 7919;
    /** Every inference-perf client is in the standard SLO class. */
    static final String SLO_CLASS = "standard";

    private final List<ClientPlan> clients;
    private final double aggregateRate;
    private final long seed;
    private final long horizonUs;
    private final long maxRequests;

    /**
     * @param spec        the inference-perf spec (validated by its records)
     * @param seed        the workload seed (BLIS {@code workload.seed})
     * @param horizonUs   no request arrives at or after this time; Long.MAX_VALUE = no limit
     * @param maxRequests cap on base requests (BLIS {@code num_requests}); 0 = no cap
     * @throws IllegalArgumentException if the spec expands to an invalid workload (e.g. fewer
     *                                  requests in a stage than clients)
     */
    public InferencePerfWorkload(InferencePerfSpec spec, long seed, long horizonUs, long maxRequests) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must be non-null");
        }
        if (maxRequests < 0) {
            throw new IllegalArgumentException("maxRequests must be non-negative, got " + maxRequests);
        }
        InferencePerfExpansion.Result expanded = InferencePerfExpansion.expand(spec);
        this.clients = expanded.clients();
        this.aggregateRate = expanded.aggregateRate();
        this.seed = seed;
        this.horizonUs = horizonUs;
        this.maxRequests = maxRequests;
    }

    /** Aggregate rate in requests per second (single stage: its rate; else the sum of stage rates). */
    public double aggregateRate() {
        return aggregateRate;
    }

    /** Number of expanded clients. */
    public int clientCount() {
        return clients.size();
    }

    List<ClientPlan> clients() {
        return clients;
    }

    /** Generates the workload afresh: base arrivals plus, for multi-turn specs, the session hook. */
    public GeneratedWorkload generate() {
        if (horizonUs <= 0) {
            return new GeneratedWorkload(Collections.emptyIterator(), SessionHook.NONE);
        }
        GoRandom workloadRng = new GoRandom(PartitionedSeeds.forSubsystem(seed, PartitionedSeeds.WORKLOAD_GEN));
        double[] rates = RateFractions.normalize(clients, aggregateRate);
        Map<String, int[]> prefixes = prefixTokens(workloadRng);
        boolean sessions = clients.stream().anyMatch(c -> c.multiTurn() != null);
        if (sessions) {
            if (!clients.stream().allMatch(c -> c.multiTurn() != null)) {
                throw new IllegalStateException("mixing chat-session and single-request clients is not supported");
            }
            return SessionWorkload.generate(this, workloadRng, rates, prefixes);
        }
        return new GeneratedWorkload(openLoop(workloadRng, rates, prefixes), SessionHook.NONE);
    }

    long seed() {
        return seed;
    }

    long horizonUs() {
        return horizonUs;
    }

    long maxRequests() {
        return maxRequests;
    }

    /** One system prompt per prefix group, drawn when the group is first met in client order. */
    private Map<String, int[]> prefixTokens(GoRandom rng) {
        Map<String, int[]> prefixes = new LinkedHashMap<>();
        for (ClientPlan c : clients) {
            if (!c.prefixGroup().isEmpty() && !prefixes.containsKey(c.prefixGroup())) {
                int length = c.prefixLength() > 0 ? c.prefixLength() : DEFAULT_PREFIX_LENGTH;
                prefixes.put(c.prefixGroup(), TokenIds.random(rng, length));
            }
        }
        return prefixes;
    }

    /**
     * The client's own stream, or null for a client BLIS skips (zero rate: no seed is drawn).
     * Draws the client seed from {@code workloadRng}.
     */
    static GoRandom clientStream(GoRandom workloadRng, double rate) {
        return rate > 0 ? new GoRandom(workloadRng.int63()) : null;
    }

    /** The client's arrival sampler; a custom one gets a generator seeded from the client stream. */
    static ArrivalSampler arrivalSampler(ClientPlan c, GoRandom clientRng, double ratePerUs) {
        if (c.customSampler() != null) {
            return c.customSampler().apply(new GoRandom(clientRng.int63()));
        }
        return new PoissonArrivals(Math.max(ratePerUs, 1e-15));
    }

    private Iterator<Arrival> openLoop(GoRandom workloadRng, double[] rates, Map<String, int[]> prefixes) {
        // BLIS stops each client at twice the cap; such requests could never survive the cut anyway.
        long cap = maxRequests > 0 ? (2 * maxRequests < maxRequests ? Long.MAX_VALUE : 2 * maxRequests) : 0;
        List<ClientRequestStream> streams = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            ClientPlan c = clients.get(i);
            GoRandom clientRng = clientStream(workloadRng, rates[i]);
            if (clientRng == null) {
                continue;
            }
            ArrivalSampler sampler = arrivalSampler(c, clientRng, rates[i]);
            int[] prefix = prefixes.getOrDefault(c.prefixGroup(), new int[0]);
            streams.add(new ClientRequestStream(i, c, clientRng, sampler, prefix, horizonUs, cap));
        }
        return new MergedStreams(streams, maxRequests);
    }

    /** K-way merge of client streams by (arrival time, client index), as BLIS's stable sort orders them. */
    private static final class MergedStreams implements Iterator<Arrival> {
        private final PriorityQueue<ClientRequestStream> heads = new PriorityQueue<>(
                Comparator.comparingLong((ClientRequestStream s) -> s.timeUs).thenComparingInt(s -> s.clientIndex));
        private final long limit;
        private long emitted;

        MergedStreams(List<ClientRequestStream> streams, long limit) {
            this.limit = limit;
            for (ClientRequestStream s : streams) {
                if (s.advance()) {
                    heads.add(s);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty() && (limit == 0 || emitted < limit);
        }

        @Override
        public Arrival next() {
            if (!hasNext()) {
                throw new NoSuchElementException("workload exhausted after " + emitted + " requests");
            }
            ClientRequestStream s = heads.poll();
            Arrival a = new Arrival("request_" + emitted, s.timeUs, s.input, s.output, s.output.length, 0,
                    SLO_CLASS, "", 0);
            emitted++;
            if (s.advance()) {
                heads.add(s);
            }
            return a;
        }
    }
}
