package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InferencePerfExpansionTest {

    private static final InferencePerfSpec.SharedPrefix CHAT =
            new InferencePerfSpec.SharedPrefix(9, 5, 100, 447, 248, true);

    @Test
    void distributeEvenly_remainderGoesToTheFirstParts() {
        assertArrayEquals(new int[] {4, 3, 3}, InferencePerfExpansion.distributeEvenly(10, 3));
        assertArrayEquals(new int[] {0, 0}, InferencePerfExpansion.distributeEvenly(0, 2));
    }

    @Test
    void expand_goldenExperiment17_twoStagesOf45Sessions() {
        // given BLIS golden experiment 17: 9 prompts × 5 users, 2.5 req/s then 6 req/s, 600 s each
        InferencePerfSpec spec = new InferencePerfSpec(
                List.of(new InferencePerfSpec.Stage(2.5, 600), new InferencePerfSpec.Stage(6, 600)), CHAT);
        // when expanded
        InferencePerfExpansion.Result r = InferencePerfExpansion.expand(spec);
        // then 90 clients; stage 0 sessions of 34 or 33 rounds 18 s apart, stage 1 of 80 rounds 7.5 s apart
        assertEquals(90, r.clients().size());
        assertEquals(8.5, r.aggregateRate());
        ClientPlan first = r.clients().get(0);
        assertEquals("stage-0-prompt-0-user-0", first.id());
        assertEquals("prompt-0", first.prefixGroup());
        assertEquals(34, first.multiTurn().maxRounds());
        assertEquals(18_000_000, first.multiTurn().thinkTimeUs());
        assertEquals(new ClientPlan.ActiveWindow(0, 600_000_000), first.window());
        assertEquals(33, r.clients().get(44).multiTurn().maxRounds());
        ClientPlan last = r.clients().get(89);
        assertEquals("stage-1-prompt-8-user-4", last.id());
        assertEquals(80, last.multiTurn().maxRounds());
        assertEquals(7_500_000, last.multiTurn().thinkTimeUs());
        assertEquals(new ClientPlan.ActiveWindow(600_000_000, 1_200_000_000), last.window());
    }

    @Test
    void expand_singleStageChat_poissonAtItsShareWithoutWindow() {
        // given one 1200 s stage at 6 req/s over 50 sessions (golden experiment 21)
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(6, 1200)),
                new InferencePerfSpec.SharedPrefix(10, 5, 150, 600, 251, true));
        // when expanded
        InferencePerfExpansion.Result r = InferencePerfExpansion.expand(spec);
        // then every session has 144 rounds, think time 50/6 s truncated to µs, no window or custom sampler
        ClientPlan c = r.clients().get(0);
        assertEquals("prompt-0-user-0", c.id());
        assertEquals(144, c.multiTurn().maxRounds());
        assertEquals(8_333_333, c.multiTurn().thinkTimeUs());
        assertNull(c.window());
        assertNull(c.customSampler());
        assertEquals(0.02, c.rateFraction());
    }

    @Test
    void spec_invalidFields_rejectedNamingTheField() {
        assertThrows(IllegalArgumentException.class, () -> new InferencePerfSpec(List.of(), CHAT));
        assertThrows(IllegalArgumentException.class, () -> new InferencePerfSpec.Stage(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new InferencePerfSpec.Stage(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new InferencePerfSpec.SharedPrefix(0, 1, 1, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new InferencePerfSpec.SharedPrefix(1, 1, -1, 1, 1, false));
        assertThrows(IllegalArgumentException.class,
                () -> new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(1, 10)), null));
    }

    @Test
    void expand_singleStageRequestsBelowOnePerClient_rejected() {
        // given 3 requests for 4 clients without multi-turn
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(0.3, 10)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, false));
        // when / then BLIS refuses a client with 0 requests
        assertThrows(IllegalArgumentException.class, () -> InferencePerfExpansion.expand(spec));
    }
}
