package io.blisnative.sim;

import io.blisnative.kv.KvCache;

/**
 * vLLM v1 batch formation as BLIS models it: running requests first (next prefill chunk or one
 * decode token, preempting from the tail when KV blocks run out), then head-of-line admission from
 * the wait queue under max_num_seqs and the token budget, and no admission in a step that preempted.
 */
final class BatchFormer {
    private final SimConfig config;
    private final KvCache kv;
    private final RunningBatch running;
    private final WaitQueue waiting;
    private final ValueCounts itlCounts;
    private final GapLog gapLog;
    private final QuietDecodes quiet;

    private int tokenBudget;
    private int cursor;
    private boolean preempted;
    /** True while scheduling only the active requests, which the room check guarantees to fit. */
    private boolean activeOnly;
    int preemptionsThisStep;

    BatchFormer(SimConfig config, KvCache kv, RunningBatch running, WaitQueue waiting, ValueCounts itlCounts,
            GapLog gapLog, QuietDecodes quiet) {
        this.quiet = quiet;
        this.itlCounts = itlCounts;
        this.gapLog = gapLog;
        this.config = config;
        this.kv = kv;
        this.running = running;
        this.waiting = waiting;
    }

    /**
     * Forms this step's batch: sets every active running request's {@code newTokens} and
     * {@code computedTokens}, and calls {@code admitted} for each request admitted from the queue.
     * Quiet requests ({@link QuietDecodes}) take their token of budget and are not visited, unless
     * the step could cut the batch short or preempt: then all are caught up and scheduled in full.
     */
    void form(long nowUs, Admissions admitted) {
        tokenBudget = config.maxNumBatchedTokens();
        preempted = false;
        preemptionsThisStep = 0;
        long step = gapLog.nextStep();
        quiet.wake(step);
        if (quiet.count() > 0 && !activeFit()) {
            quiet.catchUpAll(step);
        }
        if (quiet.count() == 0) {
            scheduleRunning();
        } else {
            scheduleActive();
        }
        admitWaiting(nowUs, admitted);
    }

    /**
     * True if the whole batch gets what it asks for in this step: every request's full chunk or
     * token within the budget (strictly, so the budget never reaches 0 before a request), and
     * every block it could take free. Then no request is cut short and none is preempted, and
     * where the quiet ones sit in the batch changes nothing. Mirrors {@link #scheduleOne} without
     * its effects.
     */
    private boolean activeFit() {
        int blockSize = kv.blockSize();
        long tokens = quiet.count();
        long blocks = 0;
        for (int i = 0, n = running.activeCount(); i < n; i++) {
            Request req = running.active(i);
            int remaining = req.inputLength - req.progress;
            if (remaining > 0) {
                int chunk = prefillChunk(remaining, req.progress);
                tokens += chunk;
                blocks += (chunk + blockSize - 1) / blockSize;
            }
            if (wantsDecode(req)) {
                tokens++;
                blocks++;
            }
        }
        return tokens < config.maxNumBatchedTokens() && blocks <= (long) kv.totalBlocks() - kv.usedBlocks();
    }

    /**
     * Gives each running request, in order, its next prefill chunk or decode token until the
     * budget or the KV blocks run out. Sets {@code newTokens} of every running request: the
     * scheduled ones here, the rest to 0 once the pass stops. No request is quiet.
     */
    private void scheduleRunning() {
        for (cursor = 0; cursor < running.size(); cursor++) {
            if (tokenBudget <= 0 || !scheduleOne(running.get(cursor))) {
                break;
            }
        }
        for (int i = cursor; i < running.size(); i++) {
            running.get(i).newTokens = 0;
        }
    }

    /** Schedules the active requests when {@link #activeFit()}: each gets its full share, in order. */
    private void scheduleActive() {
        tokenBudget -= quiet.count();
        activeOnly = true;
        for (int i = 0, n = running.activeCount(); i < n; i++) {
            scheduleOne(running.active(i));
        }
        activeOnly = false;
    }

    /** Schedules one running request; false when it could not get its KV blocks (the pass stops). */
    private boolean scheduleOne(Request req) {
        req.newTokens = 0;
        int remaining = req.inputLength - req.progress;
        if (remaining > 0) {
            int n = Math.min(prefillChunk(remaining, req.progress), tokenBudget);
            if (!makeRoom(req, n)) {
                return false;
            }
            tokenBudget -= n;
            req.newTokens = n;
            req.computedTokens += n;
        }
        // Tests progress as of step start, so a request never prefills and decodes in one step.
        if (wantsDecode(req)) {
            if (!makeRoom(req, 1)) {
                return false;
            }
            tokenBudget -= 1;
            req.newTokens = 1;
            req.computedTokens += 1;
        }
        return true;
    }

    /**
     * The prefill chunk asked for by a request at sequence position {@code position} with
     * {@code remaining} prompt tokens to compute, before the token budget: at most
     * long_prefill_token_threshold, and never reaching max_model_len.
     */
    private int prefillChunk(int remaining, int position) {
        int n = remaining;
        int threshold = config.longPrefillTokenThreshold();
        if (threshold > 0 && threshold < n) {
            n = threshold;
        }
        int maxModelLen = config.maxModelLen();
        if (maxModelLen > 0) {
            n = Math.min(n, Math.max(maxModelLen - 1 - position, 0));
        }
        return n;
    }

    /**
     * True if {@code req} is past its prompt (as of step start) and asks for a decode token: it
     * has output to make and is short of max_model_len.
     */
    private boolean wantsDecode(Request req) {
        int maxModelLen = config.maxModelLen();
        return req.progress >= req.inputLength && req.outputLength > 0
                && !(maxModelLen > 0 && req.progress + 1 > maxModelLen - 1);
    }

    /** Allocates {@code n} tokens for {@code req}, preempting victims until it fits; false if it cannot. */
    private boolean makeRoom(Request req, int n) {
        while (!kv.allocate(req.kv, req.inPrefill(), req.progress, req.progress + n, false)) {
            if (activeOnly) {
                throw new IllegalStateException("KV allocation failed for " + req.id()
                        + " in a step whose room check passed (block accounting broken)");
            }
            if (running.size() == 0) {
                return false;
            }
            preempted = true;
            int victimIndex = config.preemption() == PreemptionPolicy.PRIORITY ? priorityVictim() : running.size() - 1;
            Request victim = running.removeAt(victimIndex);
            // Only requests before the cursor were scheduled in this step; the others' newTokens are stale.
            boolean scheduled = victimIndex < cursor;
            if (scheduled) {
                cursor--;
            }
            preemptionsThisStep++;
            if (scheduled && victim.newTokens > 0) {
                tokenBudget += victim.newTokens;
            }
            victim.resetForRecompute(itlCounts, gapLog);
            kv.release(victim.kv);
            waiting.addFirst(victim);
            if (victim == req) {
                return false;
            }
        }
        return true;
    }

    /** Least urgent (highest priority value), latest arrival among equals, scanning from the tail. */
    private int priorityVictim() {
        int v = running.size() - 1;
        for (int i = running.size() - 2; i >= 0; i--) {
            Request r = running.get(i);
            Request best = running.get(v);
            if (r.priority > best.priority || (r.priority == best.priority && r.arrivalUs() > best.arrivalUs())) {
                v = i;
            }
        }
        return v;
    }

    private void admitWaiting(long nowUs, Admissions admitted) {
        int blockSize = kv.blockSize();
        while (running.size() < config.maxNumSeqs() && !waiting.isEmpty() && tokenBudget > 0 && !preempted) {
            Request next = waiting.peekFirst();
            int cachedBlocks = kv.lookupCachedPrefix(next.kv);
            int start = cachedBlocks * blockSize;
            int n = Math.min(prefillChunk(next.inputLength - start, start), tokenBudget);
            if (!kv.allocate(next.kv, next.inPrefill(), start, start + n, true)) {
                return;
            }
            waiting.pollFirst();
            running.add(next);
            tokenBudget -= n;
            next.state = RequestState.RUNNING;
            next.newTokens = n;
            next.computedTokens = start + n;
            admitted.admitted(next, nowUs);
        }
    }

    /** Receives each request admitted from the wait queue in this step. */
    interface Admissions {
        void admitted(Request request, long nowUs);
    }
}
