package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RootGroupsTest {

    @Test
    void rootRegistered_secondRootWithTheSameTag_exposesTheGroup() {
        // given a group with one root and two lazy blocks
        RootGroups groups = new RootGroups();
        assertFalse(groups.rootRegistered(7));
        assertTrue(groups.deferRegistration(7));
        assertTrue(groups.deferRegistration(7));
        // when another root with the same tag registers
        boolean existed = groups.rootRegistered(7);
        // then the group is exposed, hands over its 2 lazy blocks, and defers nothing more
        assertTrue(existed);
        assertEquals(2, groups.expose(7));
        assertTrue(groups.isExposed(7));
        assertFalse(groups.deferRegistration(7));
        assertEquals(0, groups.lazyCount(7));
    }

    @Test
    void recycling_lastRootAndLazyBlockOfAPrivateGroup_dropsIt_butAnExposedGroupStays() {
        // given a private group (1 root, 1 lazy block) and an exposed one
        RootGroups groups = new RootGroups();
        groups.rootRegistered(3);
        groups.deferRegistration(3);
        groups.rootRegistered(5);
        groups.expose(5);
        // when every block of both is recycled
        groups.lazyRecycled(3);
        groups.rootRecycled(3);
        groups.rootRecycled(5);
        // then the private group is gone (a new root with its tag starts afresh), the exposed one is not
        assertEquals(1, groups.size());
        assertFalse(groups.rootRegistered(3));
        assertTrue(groups.isExposed(5));
    }

    @Test
    void recycling_moreBlocksThanCounted_isAnAccountingError() {
        RootGroups groups = new RootGroups();
        groups.rootRegistered(9);
        assertThrows(IllegalStateException.class, () -> groups.lazyRecycled(9));
        assertThrows(IllegalStateException.class, () -> groups.rootRecycled(11));
    }

    @Test
    void randomOperations_matchAMapModel_throughGrowthAndDeletion() {
        // Deletion shifts entries back within probe runs and the table doubles as it fills; a
        // plain map of the same counts must agree after every operation.
        SplittableRandom rnd = new SplittableRandom(42);
        RootGroups groups = new RootGroups();
        Map<Integer, int[]> model = new HashMap<>(); // tag -> {roots, lazy, exposed}
        for (int op = 0; op < 200_000; op++) {
            int tag = 2 * rnd.nextInt(3000) + 1;
            int[] m = model.get(tag);
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    boolean existed = groups.rootRegistered(tag);
                    assertEquals(m != null, existed);
                    if (m == null) {
                        model.put(tag, new int[] {1, 0, 0});
                    } else {
                        m[0]++;
                        m[2] = 1;
                    }
                }
                case 1 -> {
                    boolean deferred = groups.deferRegistration(tag);
                    if (m == null) {
                        model.put(tag, new int[] {0, 1, 0});
                    } else if (m[2] == 0) {
                        m[1]++;
                    }
                    assertEquals(m == null || m[2] == 0, deferred);
                }
                case 2 -> {
                    if (m != null && m[1] > 0) {
                        groups.lazyRecycled(tag);
                        m[1]--;
                    }
                }
                case 3 -> {
                    if (m != null && m[0] > 0) {
                        groups.rootRecycled(tag);
                        m[0]--;
                    }
                }
                default -> {
                    if (rnd.nextInt(20) == 0) {
                        int had = groups.expose(tag);
                        assertEquals(m == null ? 0 : m[1], had);
                        if (m == null) {
                            model.put(tag, new int[] {0, 0, 1});
                        } else {
                            m[1] = 0;
                            m[2] = 1;
                        }
                    }
                }
            }
            m = model.get(tag);
            if (m != null && m[0] == 0 && m[1] == 0 && m[2] == 0) {
                model.remove(tag);
            }
            assertEquals(model.size(), groups.size(), "op " + op);
            m = model.get(tag);
            assertEquals(m == null ? 0 : m[1], groups.lazyCount(tag), "op " + op);
            assertEquals(m != null && m[2] == 1, groups.isExposed(tag), "op " + op);
        }
    }
}
