package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CpuBlockTierTest {

    @Test
    void touchOrStore_presentHash_becomesMostRecentlyUsed() {
        // given a full tier of two that stored a, then b
        CpuBlockTier tier = new CpuBlockTier(2);
        assertTrue(tier.touchOrStore(11));
        assertTrue(tier.touchOrStore(22));
        // when a is touched again and c arrives
        assertFalse(tier.touchOrStore(11));
        assertTrue(tier.touchOrStore(33));
        // then b, now the least recently used, was evicted, and a stayed
        assertTrue(tier.contains(11));
        assertFalse(tier.contains(22));
        assertTrue(tier.contains(33));
        assertEquals(1, tier.evictions());
        assertEquals(2, tier.used());
    }

    @Test
    void touchOrStore_randomSequence_matchesContainsTouchStore() {
        // given two tiers fed the same random hashes, one through contains/touch/store (BLIS's three calls)
        SplittableRandom random = new SplittableRandom(3);
        CpuBlockTier fused = new CpuBlockTier(17);
        CpuBlockTier separate = new CpuBlockTier(17);
        for (int i = 0; i < 20_000; i++) {
            long h = 1 + random.nextInt(40);
            // when each is marked used
            boolean stored = fused.touchOrStore(h);
            boolean present = separate.contains(h);
            if (present) {
                separate.touch(h);
            } else {
                separate.store(h);
            }
            // then both agree on what was stored, what they hold and what they evicted
            assertEquals(!present, stored, "step " + i);
            assertEquals(separate.used(), fused.used(), "step " + i);
            assertEquals(separate.evictions(), fused.evictions(), "step " + i);
        }
        for (long h = 1; h <= 40; h++) {
            assertEquals(separate.contains(h), fused.contains(h), "hash " + h);
        }
    }
}
