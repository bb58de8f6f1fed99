package io.blisnative.workload;

import io.blisnative.sim.Arrival;
import io.blisnative.sim.Request;
import io.blisnative.sim.RequestState;
import io.blisnative.sim.SessionHook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed-loop chat sessions (BLIS's SessionManager, fixed-length mode): when a session's round
 * leaves the server, decides whether the session goes on and builds its next round.
 *
 * <p>Per session: a timed-out or dropped round cancels the session; a completed round (also a
 * length-capped one) is followed by the next round {@code thinkTimeUs} after the completion
 * time, unless it was the last round or the follow-up would arrive after the horizon. A
 * follow-up carries the system prompt plus a fresh random question and fresh random output
 * tokens drawn from the session's own stream, a deadline {@code timeoutUs} after its arrival, and
 * the id {@code session_<sessionId>_round_<n>_<k>} where {@code k} counts follow-ups over all
 * sessions.
 *
 * <p>Lookups are by session id only; nothing iterates the map, so output order is unaffected.
 */
public final class SessionManager implements SessionHook {

    /** Lifecycle of a session as the manager sees it. */
    public enum SessionState { ACTIVE, COMPLETED, CANCELLED, HORIZON_INTERRUPTED }

    private final Map<String, Session> sessions;
    private long followUps;

    public SessionManager(List<SessionBlueprint> blueprints) {
        sessions = new HashMap<>(Math.max(16, blueprints.size() * 2));
        for (SessionBlueprint bp : blueprints) {
            if (sessions.putIfAbsent(bp.sessionId(), new Session(bp)) != null) {
                throw new IllegalArgumentException("duplicate session id " + bp.sessionId());
            }
        }
    }

    @Override
    public List<Arrival> onRequestDone(Request request, long timeUs) {
        return followUp(request.arrival().sessionId(), request.state(), timeUs);
    }

    /**
     * The follow-up for a round of {@code sessionId} that left the server in {@code state} at
     * {@code timeUs}: a one-element list, or empty when the session ends (or is unknown).
     */
    List<Arrival> followUp(String sessionId, RequestState state, long timeUs) {
        if (sessionId.isEmpty()) {
            return List.of();
        }
        Session s = sessions.get(sessionId);
        if (s == null || s.state != SessionState.ACTIVE) {
            return List.of();
        }
        if (state == RequestState.TIMED_OUT || state == RequestState.DROPPED) {
            s.state = SessionState.CANCELLED;
            return List.of();
        }
        SessionBlueprint bp = s.blueprint;
        if (s.round >= bp.maxRounds() - 1) {
            s.state = SessionState.COMPLETED;
            return List.of();
        }
        long arrivalUs = timeUs + bp.thinkTimeUs();
        if (arrivalUs > bp.horizonUs()) {
            s.state = SessionState.HORIZON_INTERRUPTED;
            return List.of();
        }
        int[] question = TokenIds.random(s.rng, bp.questionLen());
        int[] output = TokenIds.random(s.rng, bp.outputLen());
        int[] input = TokenIds.concat(bp.prefix(), question);
        s.round++;
        followUps++;
        String id = "session_" + bp.sessionId() + "_round_" + s.round + "_" + followUps;
        long deadline = bp.timeoutUs() == 0 ? 0 : arrivalUs + bp.timeoutUs();
        return List.of(new Arrival(id, arrivalUs, input, output, output.length, deadline, bp.sloClass(),
                bp.sessionId(), s.round));
    }

    /** Current state of {@code sessionId}; null if unknown. */
    public SessionState state(String sessionId) {
        Session s = sessions.get(sessionId);
        return s == null ? null : s.state;
    }

    /** Number of sessions the manager tracks. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Follow-up rounds built so far. */
    public long followUpCount() {
        return followUps;
    }

    private static final class Session {
        final SessionBlueprint blueprint;
        final GoRandom rng;
        int round;
        SessionState state = SessionState.ACTIVE;

        Session(SessionBlueprint blueprint) {
            this.blueprint = blueprint;
            this.rng = new GoRandom(blueprint.rngSeed());
        }
    }
}
