package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blisnative.kv.BlockCache;
import io.blisnative.sim.LatencyModel;
import io.blisnative.sim.SimConfig;
import io.blisnative.sim.SimResult;
import io.blisnative.sim.Simulator;
import io.blisnative.sim.StepOnlyModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chat sessions driven through the simulator: follow-ups are injected as rounds leave it. */
class SessionSimulationTest {

    /** Every non-empty step takes {@code stepUs}; no overheads. */
    private static LatencyModel fixedStep(long stepUs) {
        return new StepOnlyModel(batch -> batch.size() == 0 ? 0 : stepUs);
    }

    private static GeneratedWorkload chat() {
        // 10 requests over 4 sessions (3, 3, 2, 2 rounds), 4 s think time, 8-token prompts, 2 output tokens
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(1, 10)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, true));
        return new InferencePerfWorkload(spec, 42, Long.MAX_VALUE, 0).generate();
    }

    @Test
    void run_chatSessions_everyRoundCompletes() {
        // given 4 sessions and a 100 µs step
        GeneratedWorkload w = chat();
        // when simulated
        SimResult r = new Simulator(SimConfig.defaults(), new BlockCache(100, 16), fixedStep(100), w.sessions())
                .run(w.arrivals());
        // then all 10 rounds ran: 4 base requests and 6 follow-ups
        assertEquals(10, r.completed());
        assertEquals(80, r.totalInputTokens());
        assertEquals(20, r.totalOutputTokens());
        assertEquals(6, ((SessionManager) w.sessions()).followUpCount());
        // and the last round (session 2's round 2; its round 0 arrives at 2 779 472 µs) arrives 4 s after each
        // earlier round left: each round runs alone, one prefill and one decode step of 100 µs
        // (2 779 472 + 200 + 4 000 000 + 200 + 4 000 000), and leaves 200 µs later
        long lastArrival = 0;
        for (long a : r.completedArrivalUs()) {
            lastArrival = Math.max(lastArrival, a);
        }
        assertEquals(10_779_872, lastArrival);
        assertEquals(10_780_072, r.simEndedUs());
    }

    @Test
    void run_roundTimesOut_sessionCancelledWithoutFollowUps() {
        // given steps of 400 s, so every round 0's 300 s deadline passes before its prefill step ends
        // (a round whose final step has begun counts as completed, as in BLIS)
        GeneratedWorkload w = chat();
        // when simulated
        SimResult r = new Simulator(SimConfig.defaults(), new BlockCache(100, 16), fixedStep(400_000_000),
                w.sessions()).run(w.arrivals());
        // then the 4 base requests time out (one running, three queued) and no session sends another round
        assertEquals(0, r.completed());
        assertEquals(4, r.timedOut());
        SessionManager sessions = (SessionManager) w.sessions();
        assertEquals(0, sessions.followUpCount());
        assertEquals(SessionManager.SessionState.CANCELLED, sessions.state("sess_6284708355399585786"));
    }
}
