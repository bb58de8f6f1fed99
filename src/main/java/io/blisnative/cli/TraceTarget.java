package io.blisnative.cli;

import io.blisnative.calibrate.CalibrationTarget;
import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.ReplayReportBuilder;
import io.blisnative.metrics.TraceLedger;
import io.blisnative.sim.SimResult;
import io.blisnative.trace.TraceHeader;
import io.blisnative.trace.TraceReader;
import io.blisnative.trace.TraceSource;
import io.blisnative.trace.TraceRequest;
import io.blisnative.trace.TraceStage;
import io.blisnative.workload.TraceArrivals;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace held in memory as a {@link CalibrationTarget}: parsed once, then replayed with any
 * coefficients exactly as {@code replay} would (header settings under the flags, the header's
 * seed), each call on its own simulator.
 */
final class TraceTarget implements CalibrationTarget {
    private final String trace;
    private final TraceHeader header;
    private final List<TraceRequest> rows;
    private final Server server;
    private final long seed;

    private TraceTarget(String trace, TraceHeader header, List<TraceRequest> rows, Server server, long seed) {
        this.trace = trace;
        this.header = header;
        this.rows = List.copyOf(rows);
        this.server = server;
        this.seed = seed;
    }

    /** Reads {@code trace} and resolves its server with the flags in {@code sim}. */
    static TraceTarget load(String trace, SimOptions sim, InputStream stdin, PrintWriter err, CatalogCache catalogs) {
        catalogs.readAhead(sim.configDir);
        try (TraceReader reader = TraceSource.open(trace, stdin)) {
            TraceHeader header = reader.header();
            Server server = ServerSetup.resolve(sim, TraceReplay.defaultsOf(header), err, catalogs.get(sim.configDir));
            List<TraceRequest> rows = new ArrayList<>();
            reader.iterator().forEachRemaining(rows::add);
            return new TraceTarget(trace, header, rows, server, header.seed());
        }
    }

    /** The server description line (model, GPU, latency model, KV blocks). */
    String description() {
        return server.description();
    }

    /** The latency model's coefficients as resolved from the flags and catalog. */
    double[] alpha() {
        return server.latencyConfig().alpha();
    }

    double[] beta() {
        return server.latencyConfig().beta();
    }

    /** The model the trace names (its group for leave-one-model-out). */
    String modelName() {
        return server.model() == null ? header.name() : server.model().toLowerCase(java.util.Locale.ROOT);
    }

    String latencyName() {
        return server.latencyName();
    }

    boolean asyncScheduling() {
        return server.config().asyncScheduling();
    }

    @Override
    public String name() {
        return header.name();
    }

    @Override
    public ExperimentReport simulate(double[] alpha, double[] beta) {
        TraceLedger ledger = new TraceLedger();
        SimResult result = server.newSimulator(alpha, beta).run(new TraceArrivals(ledger.recording(rows.iterator()),
                seed));
        return ReplayReportBuilder.build(header.name(), trace, header, ledger, result);
    }

    /**
     * Keeps the requests sent in the first {@code fraction} of each load stage and closes the gaps
     * the dropped sends leave, so later stages start earlier by what was cut before them.
     */
    @Override
    public CalibrationTarget subsample(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        if (fraction == 1 || header.stages() == null || header.stages().isEmpty()) {
            return this;
        }
        List<TraceStage> stages = header.stages();
        long[] shift = new long[stages.size()];
        for (int s = 1; s < stages.size(); s++) {
            shift[s] = shift[s - 1] + (long) ((1 - fraction) * stages.get(s - 1).durationUs());
        }
        List<TraceRequest> kept = new ArrayList<>();
        for (TraceRequest r : rows) {
            int s = r.stage() == null ? 0 : Math.min(r.stage(), stages.size() - 1);
            TraceStage stage = stages.get(s);
            if (r.arrivalUs() - stage.startUs() <= fraction * stage.durationUs()) {
                kept.add(shifted(r, shift[s]));
            }
        }
        return new TraceTarget(trace, header, kept, server, seed);
    }

    private static TraceRequest shifted(TraceRequest r, long byUs) {
        if (byUs == 0) {
            return r;
        }
        return new TraceRequest(r.id(), r.arrivalUs() - byUs, r.inputTokens(), r.outputTokens(), r.prefixGroup(),
                r.prefixTokens(), r.session(), r.round(), r.stage(), r.sloClass(),
                r.deadlineUs() == null ? null : Math.max(1, r.deadlineUs() - byUs), r.warmup(), r.client(),
                r.measured());
    }
}
