package io.blisnative.cli;

import io.blisnative.metrics.ExperimentReport;
import io.blisnative.metrics.ReplayReportBuilder;
import io.blisnative.metrics.TraceLedger;
import io.blisnative.sim.Arrival;
import io.blisnative.sim.SimResult;
import io.blisnative.trace.TraceHeader;
import io.blisnative.trace.TraceReader;
import io.blisnative.trace.TraceSource;
import io.blisnative.trace.VllmSettings;
import io.blisnative.workload.ChainedArrivals;
import io.blisnative.workload.PrefetchingIterator;
import io.blisnative.workload.TraceArrivals;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Iterator;

/** Replays one trace: header settings under the flags, streamed arrivals, the comparison report. */
final class TraceReplay {
    private TraceReplay() {
    }

    static ExperimentReport replay(String trace, SimOptions sim, Long seedFlag, InputStream stdin, PrintWriter err,
            CatalogCache catalogs) {
        catalogs.readAhead(sim.configDir);
        try (TraceReader reader = TraceSource.open(trace, stdin)) {
            TraceHeader header = reader.header();
            Server server = ServerSetup.resolve(sim, defaultsOf(header), err, catalogs.get(sim.configDir));
            err.println("blis-native: " + header.name() + ": " + server.description());
            err.flush();
            TraceLedger ledger = new TraceLedger();
            long seed = seedFlag != null ? seedFlag : header.seed();
            long started = System.nanoTime();
            Iterator<Arrival> arrivals = new TraceArrivals(ledger.recording(reader.iterator()), seed);
            if (sim.horizonUs == null) {
                // Parsed on another thread, in order. Only when the run reads the whole trace: a
                // horizon stops it early, and the ledger must then hold just the rows it read.
                arrivals = new PrefetchingIterator<>(new ChainedArrivals(arrivals, server.blockSize()),
                        "blis-native-trace");
            }
            SimResult result = server.newSimulator().run(arrivals);
            RunTiming.report(err, result, System.nanoTime() - started);
            return ReplayReportBuilder.build(header.name(), trace, header, ledger, result);
        }
    }

    static ServerDefaults defaultsOf(TraceHeader h) {
        VllmSettings v = h.vllm();
        return new ServerDefaults(h.model(), h.hardware(), h.tp(), v.maxNumSeqs(), v.maxNumBatchedTokens(),
                v.maxModelLen(), v.blockSize(), v.gpuMemoryUtilization(), v.totalKvBlocks(), v.cpuKvBlocks());
    }
}
