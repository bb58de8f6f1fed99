package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: deferring deeper blocks out of the prefix index changes nothing observable. The same
 * scheduler-like call sequence drives a default cache and one that indexes every block from the
 * start (the plain BLIS hash map), and every answer must agree: lookups (counts and block ids),
 * allocations, the blocks each sequence holds, usage and hit rate.
 *
 * <p>The requests are built to stress exactly what deferral must get right: prompts drawn from a
 * few shared families (common roots), follow-ups whose prompt is an earlier request's prompt and
 * output (a decode block's hash looked up later), prompts re-registered without using the cache
 * (the same hash held by two blocks, where BLIS's delete-by-key drops the other holder's entry),
 * preemption and re-admission, and a cache small enough to recycle blocks constantly.
 */
class LazyIndexEquivalenceTest {
    private static final int BLOCK = 4;

    @Test
    void lazyAndEagerIndex_agreeOnEveryAnswer_acrossRandomWorkloads() {
        int deferring = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Run run = new Run(seed);
            run.play(2500);
            deferring += run.maxDeferred > 0 ? 1 : 0;
        }
        // The property is empty unless blocks were actually kept out of the index.
        assertTrue(deferring > 270, "runs that deferred blocks: " + deferring + " of 300");
    }

    @Test
    void lazyAndEagerIndex_agree_whenTheLazyCacheSwitchesToIndexingEverythingMidway() {
        for (long seed = 1000; seed <= 1060; seed++) {
            new Run(seed).switchAt(700).play(2000);
        }
    }

    private static final class Live {
        final KvSequence lazy;
        final KvSequence eager;
        final int[] input;
        final int[] output;
        int progress;
        boolean admitted;

        Live(int[] input, int[] output) {
            this.input = input;
            this.output = output;
            this.lazy = new KvSequence(input, output);
            this.eager = new KvSequence(input, output);
        }

        void restart() {
            progress = 0;
            admitted = false;
        }
    }

    private static final class Run {
        private final SplittableRandom rnd;
        private final long seed;
        private final BlockCache lazy;
        private final BlockCache eager;
        private final int[][] families = new int[4][];
        private final List<Live> live = new ArrayList<>();
        private final List<int[]> finishedContexts = new ArrayList<>();
        private final int maxLive;
        private int switchAt = -1;
        private int op;
        int maxDeferred;

        Run(long seed) {
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            int blocks = 24 + rnd.nextInt(40);
            lazy = new BlockCache(blocks, BLOCK);
            eager = new BlockCache(blocks, BLOCK);
            eager.indexEveryBlock();
            maxLive = 2 + rnd.nextInt(6);
            for (int f = 0; f < families.length; f++) {
                families[f] = randomTokens(40);
            }
        }

        Run switchAt(int at) {
            switchAt = at;
            return this;
        }

        void play(int ops) {
            for (op = 0; op < ops; op++) {
                if (op == switchAt) {
                    lazy.indexEveryBlock();
                }
                int what = rnd.nextInt(10);
                if (live.size() < 2 || (live.size() < maxLive && what < 3)) {
                    live.add(newRequest());
                } else {
                    Live r = live.get(rnd.nextInt(live.size()));
                    if (what == 3) {
                        preempt(r);
                    } else {
                        advance(r);
                    }
                }
                check(lazy.usedBlocks() == eager.usedBlocks(), "used blocks");
                if (op % 50 == 0) {
                    maxDeferred = Math.max(maxDeferred, lazy.deferredBlocks());
                }
            }
            for (Live r : live) {
                release(r);
            }
            lazy.verifyConservation();
            eager.verifyConservation();
            assertEquals(eager.cacheHitRate(), lazy.cacheHitRate(), 0.0, "seed " + seed + ": hit rate");
        }

        private Live newRequest() {
            int kind = rnd.nextInt(20);
            int[] input;
            if (kind < 7 && !finishedContexts.isEmpty()) {
                // A follow-up: an earlier request's prompt and output, then a new turn; usually of
                // a recent one, whose blocks are likely still cached.
                int n = finishedContexts.size();
                int pick = rnd.nextInt(4) != 0 ? n - 1 - rnd.nextInt(Math.min(n, 4)) : rnd.nextInt(n);
                input = concat(finishedContexts.get(pick), randomTokens(rnd.nextInt(9)));
            } else if (kind < 12) {
                int[] family = families[rnd.nextInt(families.length)];
                input = concat(Arrays.copyOf(family, rnd.nextInt(family.length + 1)), randomTokens(rnd.nextInt(12)));
            } else {
                input = randomTokens(1 + rnd.nextInt(30));
            }
            if (input.length == 0) {
                input = randomTokens(1);
            }
            return new Live(input, randomTokens(1 + rnd.nextInt(14)));
        }

        private void advance(Live r) {
            if (!r.admitted) {
                admit(r);
                return;
            }
            if (r.progress < r.input.length) {
                int n = Math.min(r.input.length - r.progress, 1 + rnd.nextInt(10));
                allocate(r, true, r.progress, r.progress + n, false);
                return;
            }
            if (r.progress >= r.input.length + r.output.length) {
                finish(r);
                return;
            }
            int quiet = lazy.quietDecodeTokens(r.lazy);
            check(quiet == eager.quietDecodeTokens(r.eager), "quiet decode tokens");
            int left = r.input.length + r.output.length - r.progress;
            if (quiet > 0 && rnd.nextBoolean()) {
                int n = Math.min(left, 1 + rnd.nextInt(quiet));
                lazy.appendQuietDecodeTokens(r.lazy, n);
                eager.appendQuietDecodeTokens(r.eager, n);
                r.progress += n;
            } else {
                allocate(r, false, r.progress, r.progress + 1, false);
            }
        }

        private void admit(Live r) {
            // Now and then a prompt ignores the cache: its blocks duplicate cached content.
            boolean useCache = rnd.nextInt(6) != 0;
            int cached = 0;
            if (useCache) {
                cached = lazy.lookupCachedPrefix(r.lazy);
                check(cached == eager.lookupCachedPrefix(r.eager), "lookup count");
                check(Arrays.equals(Arrays.copyOf(lazy.lookupBlocks(), cached),
                        Arrays.copyOf(eager.lookupBlocks(), cached)), "lookup blocks");
            }
            int start = cached * BLOCK;
            int n = Math.min(r.input.length - start, 1 + rnd.nextInt(12));
            r.admitted = true;
            r.progress = start;
            allocate(r, true, start, start + n, useCache);
        }

        private void allocate(Live r, boolean prefill, int start, int end, boolean useCache) {
            boolean a = lazy.allocate(r.lazy, prefill, start, end, useCache);
            boolean b = eager.allocate(r.eager, prefill, start, end, useCache);
            check(a == b, "allocate " + (prefill ? "prefill" : "decode") + " [" + start + ", " + end + ")");
            checkBlocks(r);
            if (a) {
                r.progress = end;
            } else {
                preempt(r);
            }
        }

        private void preempt(Live r) {
            if (r.admitted) {
                release(r);
            }
            r.restart();
        }

        private void finish(Live r) {
            release(r);
            live.remove(r);
            finishedContexts.add(concat(r.input, r.output));
        }

        private void release(Live r) {
            lazy.release(r.lazy);
            eager.release(r.eager);
        }

        private void checkBlocks(Live r) {
            int[] a = new int[r.lazy.blockCount()];
            int[] b = new int[r.eager.blockCount()];
            Arrays.setAll(a, r.lazy::block);
            Arrays.setAll(b, r.eager::block);
            assertArrayEquals(b, a, "seed " + seed + ", op " + op + ": held blocks");
        }

        private void check(boolean same, String what) {
            if (!same) {
                throw new AssertionError("seed " + seed + ", op " + op + ": lazy and eager index differ on " + what);
            }
        }

        private int[] randomTokens(int n) {
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = rnd.nextInt(50);
            }
            return t;
        }

        private static int[] concat(int[] a, int[] b) {
            int[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }
}
