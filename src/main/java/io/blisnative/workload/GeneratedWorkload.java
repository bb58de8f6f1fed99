package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import io.blisnative.sim.SessionHook;
import java.util.Iterator;

/**
 * One generated run of a workload: the base requests in arrival order, and the hook that adds
 * closed-loop follow-up rounds while the simulation runs ({@link SessionHook#NONE} when the
 * workload has no sessions). Both are single-use and belong together.
 *
 * @param arrivals  base requests, non-decreasing in arrival time, ids {@code request_<i>}
 * @param sessions  follow-up generator to pass to the simulator alongside {@code arrivals}
 */
public record GeneratedWorkload(Iterator<Arrival> arrivals, SessionHook sessions) {
    public GeneratedWorkload {
        if (arrivals == null || sessions == null) {
            throw new IllegalArgumentException("arrivals and sessions must be non-null");
        }
    }
}
