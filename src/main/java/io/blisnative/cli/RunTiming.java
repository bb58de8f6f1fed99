package io.blisnative.cli;

import io.blisnative.sim.SimResult;
import java.io.PrintWriter;
import java.util.Locale;

/** One stderr line per simulation: how much was simulated and how fast (for benchmarks). */
final class RunTiming {
    private RunTiming() {
    }

    static void report(PrintWriter err, SimResult r, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        err.printf(Locale.ROOT, "blis-native: simulated %d requests, %d steps in %.3f s (%.0f requests/s, %.0f steps/s)%n",
                r.injected(), r.steps(), seconds, r.injected() / seconds, r.steps() / seconds);
        err.flush();
    }
}
