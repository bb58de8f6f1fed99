package io.blisnative.kv;

/**
 * Which chains of blocks may keep their deeper hashes out of the prefix index, as
 * {@link BlockCache} defers them (see its class doc).
 *
 * <p>A group is every registered block whose chain starts at roots with the same 32-bit tag (a
 * tag is odd, so never 0). Per group: how many root blocks with that tag are registered, how many
 * deeper blocks wait unindexed ("lazy"), and whether the group is exposed. An exposed group has
 * been, or may be, shared by a second sequence; it stays exposed for good and its deeper blocks
 * are indexed like any other. A private group with nothing registered is dropped, so the table
 * holds the chains of the sequences in the cache, not of the whole run.
 *
 * <p>Open addressing with linear probing and backward-shift deletion over parallel int arrays.
 */
final class RootGroups {
    private int[] tags;
    private int[] roots;
    private int[] lazy;
    private boolean[] exposed;
    private int size;
    private int mask;

    RootGroups() {
        allocate(256);
    }

    private void allocate(int slots) {
        tags = new int[slots];
        roots = new int[slots];
        lazy = new int[slots];
        exposed = new boolean[slots];
        mask = slots - 1;
    }

    int size() {
        return size;
    }

    /**
     * A root block with this tag was registered.
     *
     * @return true if the group already existed: it is now exposed, and its lazy blocks (see
     *         {@link #lazyCount}) must be indexed
     */
    boolean rootRegistered(int tag) {
        int s = slot(tag);
        if (s >= 0) {
            roots[s]++;
            exposed[s] = true;
            return true;
        }
        insert(tag, 1, 0, false);
        return false;
    }

    /**
     * A deeper block of this tag's group is being registered.
     *
     * @return true if it may stay out of the index (the group is private; counted as lazy), false
     *         if it must be indexed
     */
    boolean deferRegistration(int tag) {
        int s = slot(tag);
        if (s < 0) {
            insert(tag, 0, 1, false);
            return true;
        }
        if (exposed[s]) {
            return false;
        }
        lazy[s]++;
        return true;
    }

    /**
     * Marks the group exposed (creating it if absent).
     *
     * @return how many lazy blocks it had, now counted as indexed: the caller indexes them
     */
    int expose(int tag) {
        int s = slot(tag);
        if (s < 0) {
            insert(tag, 0, 0, true);
            return 0;
        }
        int had = lazy[s];
        lazy[s] = 0;
        exposed[s] = true;
        return had;
    }

    boolean isExposed(int tag) {
        int s = slot(tag);
        return s >= 0 && exposed[s];
    }

    /** Lazy blocks of the group now; 0 if there is no such group. */
    int lazyCount(int tag) {
        int s = slot(tag);
        return s < 0 ? 0 : lazy[s];
    }

    /** A lazy block of this group was recycled. */
    void lazyRecycled(int tag) {
        recycled(tag, lazy, "lazy");
    }

    /** A root block with this tag was recycled. */
    void rootRecycled(int tag) {
        recycled(tag, roots, "root");
    }

    /** Takes one block off the group's {@code counts} (its lazy or its root count). */
    private void recycled(int tag, int[] counts, String kind) {
        int s = slot(tag);
        if (s < 0 || counts[s] == 0) {
            throw new IllegalStateException(kind + " block recycled from group " + tag + " that counts none");
        }
        counts[s]--;
        dropIfEmpty(s);
    }

    /** Forgets every group (the owner has indexed every block). */
    void clear() {
        allocate(256);
        size = 0;
    }

    private void dropIfEmpty(int s) {
        if (roots[s] == 0 && lazy[s] == 0 && !exposed[s]) {
            delete(s);
        }
    }

    private int slot(int tag) {
        for (int i = home(tag); ; i = (i + 1) & mask) {
            int t = tags[i];
            if (t == tag) {
                return i;
            }
            if (t == 0) {
                return -1;
            }
        }
    }

    private void insert(int tag, int rootCount, int lazyCount, boolean isExposed) {
        put(emptySlot(tag), tag, rootCount, lazyCount, isExposed);
        if (++size * 2 > mask + 1) {
            grow();
        }
    }

    private void put(int i, int tag, int rootCount, int lazyCount, boolean isExposed) {
        tags[i] = tag;
        roots[i] = rootCount;
        lazy[i] = lazyCount;
        exposed[i] = isExposed;
    }

    /** Backward-shift deletion keeps probe runs intact without tombstones. */
    private void delete(int s) {
        size--;
        int gap = s;
        for (int j = (gap + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
            int home = home(tags[j]);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                put(gap, tags[j], roots[j], lazy[j], exposed[j]);
                gap = j;
            }
        }
        put(gap, 0, 0, 0, false);
    }

    private void grow() {
        int[] oldTags = tags;
        int[] oldRoots = roots;
        int[] oldLazy = lazy;
        boolean[] oldExposed = exposed;
        allocate(oldTags.length * 2);
        for (int k = 0; k < oldTags.length; k++) {
            if (oldTags[k] != 0) {
                put(emptySlot(oldTags[k]), oldTags[k], oldRoots[k], oldLazy[k], oldExposed[k]);
            }
        }
    }

    /** The first empty slot on {@code tag}'s probe run (the table is never full). */
    private int emptySlot(int tag) {
        int i = home(tag);
        while (tags[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private int home(int tag) {
        return (tag * 0x9E3779B1 >>> 7) & mask;
    }
}
