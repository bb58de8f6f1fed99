package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import io.blisnative.sim.RequestState;
import io.blisnative.sim.SessionHook;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Renders a generated workload line by line in the format of the Go reference harness that
 * printed the expected figures (BLIS f90a1e3 {@code ExpandInferencePerfSpec},
 * {@code GenerateWorkload} and {@code SessionManager.OnComplete}): every base request, then the
 * follow-ups produced when each request, in order, completes 1000 µs after it arrived.
 */
final class WorkloadDigest {
    private WorkloadDigest() {
    }

    static String tokens(int[] t) {
        if (t.length == 0) {
            return "[]";
        }
        long sum = 0;
        for (int v : t) {
            sum += v;
        }
        return "len=" + t.length + " first=" + t[0] + "," + t[Math.min(1, t.length - 1)] + " last=" + t[t.length - 1]
                + " sum=" + sum;
    }

    static List<String> render(GeneratedWorkload w) {
        List<String> lines = new ArrayList<>();
        List<Arrival> queue = new ArrayList<>();
        for (Iterator<Arrival> it = w.arrivals(); it.hasNext(); ) {
            Arrival a = it.next();
            queue.add(a);
            lines.add(a.id() + " t=" + a.arrivalUs() + " dl=" + a.deadlineUs() + " sess=" + a.sessionId() + " round="
                    + a.roundIndex() + " in{" + tokens(a.inputTokens()) + "} out{" + tokens(a.outputTokens()) + "}");
        }
        if (w.sessions() instanceof SessionManager sm) {
            for (int i = 0; i < queue.size() && i < 40; i++) {
                Arrival a = queue.get(i);
                for (Arrival f : sm.followUp(a.sessionId(), RequestState.COMPLETED, a.arrivalUs() + 1000)) {
                    lines.add("  follow " + f.id() + " t=" + f.arrivalUs() + " dl=" + f.deadlineUs() + " round="
                            + f.roundIndex() + " in{" + tokens(f.inputTokens()) + "} out{" + tokens(f.outputTokens())
                            + "}");
                    queue.add(f);
                }
            }
        } else if (w.sessions() != SessionHook.NONE) {
            throw new IllegalStateException("unexpected session hook " + w.sessions());
        }
        return lines;
    }
}
