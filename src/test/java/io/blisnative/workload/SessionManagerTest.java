package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.sim.Arrival;
import io.blisnative.sim.RequestState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionManagerTest {

    private static SessionBlueprint session(String id, int rounds, long horizonUs) {
        return new SessionBlueprint(id, "client", rounds, 5_000, SessionBlueprint.DEFAULT_TIMEOUT_US, horizonUs, 3, 2,
                11, new int[] {7, 8}, "standard");
    }

    @Test
    void followUp_completedRound_nextRoundAfterThinkTime() {
        // given a 3-round session
        SessionManager m = new SessionManager(List.of(session("s", 3, Long.MAX_VALUE)));
        // when round 0 completes at 1000 µs
        List<Arrival> next = m.followUp("s", RequestState.COMPLETED, 1_000);
        // then round 1 arrives 5000 µs later with the prompt, a 3-token question, 2 output tokens, a 300 s deadline
        assertEquals(1, next.size());
        Arrival a = next.get(0);
        assertEquals("session_s_round_1_1", a.id());
        assertEquals(6_000, a.arrivalUs());
        assertEquals(300_006_000, a.deadlineUs());
        assertEquals(1, a.roundIndex());
        assertEquals("s", a.sessionId());
        assertEquals(5, a.inputTokens().length);
        assertArrayEquals(new int[] {7, 8}, java.util.Arrays.copyOf(a.inputTokens(), 2));
        assertEquals(2, a.outputTokens().length);
        assertEquals(2, a.maxOutputLen());
    }

    @Test
    void followUp_lastRound_completesTheSession() {
        // given a 2-round session whose round 1 was sent
        SessionManager m = new SessionManager(List.of(session("s", 2, Long.MAX_VALUE)));
        m.followUp("s", RequestState.COMPLETED, 0);
        // when round 1 completes
        List<Arrival> next = m.followUp("s", RequestState.COMPLETED, 10_000);
        // then nothing follows and the session is complete
        assertTrue(next.isEmpty());
        assertEquals(SessionManager.SessionState.COMPLETED, m.state("s"));
        assertEquals(1, m.followUpCount());
    }

    @Test
    void followUp_timedOutOrDropped_cancelsTheSession() {
        // given two sessions
        SessionManager m = new SessionManager(
                List.of(session("a", 5, Long.MAX_VALUE), session("b", 5, Long.MAX_VALUE)));
        // when one round times out and the other is dropped
        List<Arrival> afterTimeout = m.followUp("a", RequestState.TIMED_OUT, 100);
        List<Arrival> afterDrop = m.followUp("b", RequestState.DROPPED, 100);
        // then both sessions end, and a later completion report changes nothing
        assertTrue(afterTimeout.isEmpty() && afterDrop.isEmpty());
        assertEquals(SessionManager.SessionState.CANCELLED, m.state("a"));
        assertEquals(SessionManager.SessionState.CANCELLED, m.state("b"));
        assertTrue(m.followUp("a", RequestState.COMPLETED, 200).isEmpty());
    }

    @Test
    void followUp_pastHorizon_interruptsTheSession() {
        // given a horizon 4000 µs after the completion
        SessionManager m = new SessionManager(List.of(session("s", 5, 5_000)));
        // when the follow-up would arrive at 6000 µs / then it is not sent
        assertTrue(m.followUp("s", RequestState.COMPLETED, 1_000).isEmpty());
        assertEquals(SessionManager.SessionState.HORIZON_INTERRUPTED, m.state("s"));
    }

    @Test
    void followUp_followUpExactlyAtHorizon_isSent() {
        SessionManager m = new SessionManager(List.of(session("s", 5, 6_000)));
        assertEquals(6_000, m.followUp("s", RequestState.COMPLETED, 1_000).get(0).arrivalUs());
    }

    @Test
    void followUp_unknownOrNoSession_nothing() {
        SessionManager m = new SessionManager(List.of(session("s", 5, Long.MAX_VALUE)));
        assertTrue(m.followUp("", RequestState.COMPLETED, 0).isEmpty());
        assertTrue(m.followUp("other", RequestState.COMPLETED, 0).isEmpty());
        assertNull(m.state("other"));
    }

    @Test
    void constructor_duplicateSession_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new SessionManager(List.of(session("s", 2, 10), session("s", 3, 10))));
    }
}
