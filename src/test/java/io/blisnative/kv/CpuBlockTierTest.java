package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
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
    void touchOrStoreAndTouch_randomSequence_matchAnLruMap() {
        // given the tier and an independent LRU model of it (an access-ordered map that evicts its eldest)
        SplittableRandom random = new SplittableRandom(3);
        int capacity = 17;
        CpuBlockTier tier = new CpuBlockTier(capacity);
        long[] evicted = {0};
        Map<Long, Boolean> lru = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                if (size() > capacity) {
                    evicted[0]++;
                    return true;
                }
                return false;
            }
        };
        for (int i = 0; i < 20_000; i++) {
            long h = 1 + random.nextInt(40);
            if (random.nextInt(4) == 0) {
                // when a hash is only touched (a reload): present ones become most recent, absent ones stay out
                tier.touch(h);
                lru.get(h);
                continue;
            }
            // when a hash is marked used (the after-step mirror)
            boolean present = lru.containsKey(h);
            if (present) {
                lru.get(h);
            } else {
                lru.put(h, Boolean.TRUE);
            }
            boolean stored = tier.touchOrStore(h);
            // then both agree on what was stored, what they hold and what they evicted
            assertEquals(!present, stored, "step " + i);
            assertEquals(lru.size(), tier.used(), "step " + i);
            assertEquals(evicted[0], tier.evictions(), "step " + i);
        }
        for (long h = 1; h <= 40; h++) {
            assertEquals(lru.containsKey(h), tier.contains(h), "hash " + h);
        }
    }

    @Test
    void touchOrStoreWithHint_staleOrWrongHints_matchAnLruMap() {
        // given the tier, an LRU model of it, and the slot each hash was last given (often stale:
        // the hash was evicted and its slot reused by another)
        SplittableRandom random = new SplittableRandom(5);
        int capacity = 13;
        CpuBlockTier tier = new CpuBlockTier(capacity);
        Map<Long, Boolean> lru = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
        Map<Long, Integer> lastSlot = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long h = 1 + random.nextInt(30);
            int hint = switch (random.nextInt(4)) {
                case 0 -> -1;
                case 1 -> random.nextInt(capacity + 2) - 1;
                default -> lastSlot.getOrDefault(h, -1);
            };
            boolean present = lru.containsKey(h);
            if (present) {
                lru.get(h);
            } else {
                lru.put(h, Boolean.TRUE);
            }
            // when it is marked used with that hint
            int slot = tier.touchOrStore(h, hint);
            // then it was stored exactly when the model lacked it, and both hold the same hashes
            assertEquals(!present, slot < 0, "step " + i);
            lastSlot.put(h, slot < 0 ? ~slot : slot);
            assertEquals(lru.size(), tier.used(), "step " + i);
        }
        for (long h = 1; h <= 30; h++) {
            assertEquals(lru.containsKey(h), tier.contains(h), "hash " + h);
        }
    }
}
