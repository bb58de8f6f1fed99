package io.blisnative.sim;

import io.blisnative.kv.KvCache;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Discrete-event simulation of one vLLM v1 server, in integer microseconds.
 *
 * <p>Events run in (time, priority, sequence) order. Arrivals are pulled lazily from the stream
 * (which must be in non-decreasing arrival order) yet keep the sequence numbers they would have
 * had if all were injected before the run, as BLIS does: a million-request trace never sits in
 * memory, and ties still resolve exactly as in BLIS.
 *
 * <p>Each step runs four phases: form the batch, price it, advance progress while completing
 * finished requests, schedule the next step. The passes visit the active requests only: one
 * decoding steadily is left alone, counted in totals, until a step must see it again
 * ({@link QuietDecodes}), so a step costs in proportion to what changes in it, not to the batch.
 *
 * <p>With {@link SimConfig#asyncScheduling()} the batch of the next step is formed while this one
 * runs, as vLLM's async scheduling does: a request that reaches the server during a step is held
 * back until the following batch has been formed, so it joins the batch after next. A request
 * reaching an idle server is scheduled at once.
 */
public final class Simulator {
    private final SimConfig config;
    private final KvCache kv;
    private final LatencyModel latency;
    private final SessionHook sessions;
    private final EventQueue events = new EventQueue();
    private final WaitQueue waiting = new WaitQueue();
    /** Async scheduling only: requests that arrived while the current step ran, not yet schedulable. */
    private final WaitQueue arrivedDuringStep = new WaitQueue();
    private final RunningBatch running = new RunningBatch();
    private final QuietDecodes quiet;
    private final BatchFormer former;
    /** Requests finished in the current step, dropped from the batch after its pass. */
    private Request[] finished = new Request[16];
    private final StepBatch stepBatch = new StepBatch();
    private final RunRecorder record = new RunRecorder();
    private final GapLog gapLog = new GapLog();
    private final long outputProcessingUs;
    private final long postDecodeUs;
    private final BatchFormer.Admissions onAdmitted = (r, now) -> r.schedulingDelayUs = now - r.arrivalUs();

    private boolean stepPending;
    private long clockUs;
    private int nextSerial;

    public Simulator(SimConfig config, KvCache kv, LatencyModel latency, SessionHook sessions) {
        this.config = config;
        this.kv = kv;
        this.latency = latency;
        this.sessions = sessions;
        this.quiet = new QuietDecodes(latency.pricesAggregateDecodes(), kv, gapLog, running, config.maxModelLen());
        this.former = new BatchFormer(config, kv, running, waiting, record.itlUs, gapLog, quiet);
        this.outputProcessingUs = latency.outputTokenProcessingTimeUs();
        this.postDecodeUs = latency.postDecodeFixedOverheadUs();
    }

    public Simulator(SimConfig config, KvCache kv, LatencyModel latency) {
        this(config, kv, latency, SessionHook.NONE);
    }

    /**
     * Runs the stream to completion (or the horizon) and returns what was measured.
     *
     * @throws IllegalArgumentException if an arrival is earlier than the one before it
     */
    public SimResult run(Iterator<Arrival> arrivals) {
        Arrival next = arrivals.hasNext() ? arrivals.next() : null;
        long lastArrivalUs = 0;
        while (true) {
            while (next != null && (events.isEmpty() || next.arrivalUs() <= events.peekTime())) {
                if (next.arrivalUs() < lastArrivalUs) {
                    throw new IllegalArgumentException("arrivals out of order: " + next.id() + " at "
                            + next.arrivalUs() + " µs comes after one at " + lastArrivalUs + " µs");
                }
                lastArrivalUs = next.arrivalUs();
                int serial = nextSerial++;
                events.pushSequenced(next.arrivalUs(), EventQueue.ARRIVAL, serial, new Request(next, serial));
                next = arrivals.hasNext() ? arrivals.next() : null;
            }
            if (events.isEmpty()) {
                break;
            }
            long t = events.peekTime();
            int kind = events.peekKind();
            Request subject = events.peekSubject();
            events.pop();
            // A timeout for a finished request (detached from it at completion) is dropped without moving the clock.
            if (kind == EventQueue.TIMEOUT && (subject == null || subject.state == RequestState.COMPLETED)) {
                continue;
            }
            clockUs = t;
            dispatch(kind, subject);
            if (clockUs > config.horizonUs()) {
                break;
            }
        }
        return endOfRun();
    }

    private void dispatch(int kind, Request r) {
        switch (kind) {
            case EventQueue.ARRIVAL -> events.push(clockUs + latency.queueingTimeUs(r.inputLength), EventQueue.QUEUED, r);
            case EventQueue.QUEUED -> queued(r);
            case EventQueue.STEP -> step(clockUs);
            case EventQueue.TIMEOUT -> timeout(r);
            case EventQueue.REQUEST_LEFT -> { }
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    private void queued(Request r) {
        if (config.asyncScheduling() && stepPending) {
            arrivedDuringStep.addLast(r);
            return;
        }
        enqueue(r);
        if (!stepPending && !waiting.isEmpty()) {
            scheduleStep(clockUs);
        }
    }

    /** BLIS's EnqueueRequest: derive the output cap, drop what can never fit, honour past deadlines. */
    private void enqueue(Request r) {
        if (r.state == RequestState.TIMED_OUT) {
            return;
        }
        int maxModelLen = config.maxModelLen();
        if (r.maxOutputLen == 0 && maxModelLen > 0 && r.inputLength < maxModelLen) {
            r.maxOutputLen = maxModelLen - r.inputLength;
        }
        boolean unservable = r.maxOutputLen < 0
                || (maxModelLen > 0 && r.inputLength >= maxModelLen)
                || (maxModelLen > 0 && r.maxOutputLen > 0 && (long) r.inputLength + r.maxOutputLen > maxModelLen)
                || ((long) r.inputLength + kv.blockSize() - 1) / kv.blockSize() > kv.totalBlocks();
        if (unservable) {
            r.state = RequestState.DROPPED;
            record.droppedUnservable++;
            done(r, clockUs);
            return;
        }
        record.totalInputTokens += r.inputLength;
        long deadline = r.arrival.deadlineUs();
        if (deadline > 0 && deadline <= clockUs) {
            r.state = RequestState.TIMED_OUT;
            record.timedOut++;
            done(r, clockUs);
            return;
        }
        r.priority = SloPriority.forVllm(r.arrival.sloClass());
        waiting.addLast(r);
        if (deadline > 0 && deadline <= config.horizonUs()) {
            events.push(deadline, EventQueue.TIMEOUT, r);
        }
    }

    private void timeout(Request r) {
        if (r.state == RequestState.TIMED_OUT) {
            return;
        }
        boolean wasRunning = r.state == RequestState.RUNNING;
        quiet.catchUp(r, gapLog.nextStep());
        r.state = RequestState.TIMED_OUT;
        record.timedOut++;
        kv.release(r.kv);
        r.computedTokens = 0;
        if (wasRunning) {
            running.remove(r);
        } else {
            waiting.remove(r);
        }
        if (running.size() == 0 && !stepPending && !waiting.isEmpty()) {
            scheduleStep(clockUs);
        }
        record.left(r);
        r.discardItl(record.itlUs, gapLog);
        done(r, clockUs);
    }

    private void step(long now) {
        if (running.size() == 0 && waiting.isEmpty()) {
            // Nothing was scheduled ahead, so what arrived during the last step is scheduled now.
            releaseArrivedDuringStep();
        }
        if (running.size() == 0 && waiting.isEmpty()) {
            stepPending = false;
            return;
        }
        record.steps++;
        if (config.queueOrder() != QueueOrder.FCFS && waiting.size() > 1) {
            waiting.sort(config.queueOrder().comparator());
        }
        former.form(now, onAdmitted);
        releaseArrivedDuringStep();
        record.preemptions += former.preemptionsThisStep;
        long stepUs = priceStep();
        kv.afterStep(running.sequences(), running.size());
        advanceAndComplete(now, stepUs);
        if (running.size() > 0 || !waiting.isEmpty()) {
            scheduleStep(now + stepUs);
        } else {
            stepPending = false;
        }
    }

    /** Async scheduling: requests held back during the last step become schedulable, in arrival order. */
    private void releaseArrivedDuringStep() {
        while (!arrivedDuringStep.isEmpty()) {
            enqueue(arrivedDuringStep.pollFirst());
        }
    }

    /**
     * Prices the step from the batch as formed and records its KV usage; the requests' progress is
     * not touched yet, so pricing and advancing are separate passes. Quiet requests enter the
     * batch as a count and a progress sum.
     */
    private long priceStep() {
        stepBatch.clear();
        for (int i = 0, n = running.activeCount(); i < n; i++) {
            Request r = running.active(i);
            if (r.newTokens > 0) {
                stepBatch.add(r.progress, r.newTokens, r.inputLength, r.outputLength);
            }
        }
        if (quiet.count() > 0) {
            stepBatch.addAggregateDecodes(quiet.count(), quiet.progressSum(gapLog.nextStep()));
        }
        long stepUs = Math.max(1, latency.stepTimeUs(stepBatch) + kv.consumePendingTransferLatencyUs());
        record.kvUsage(kv.usedBlocks(), stepUs);
        return stepUs;
    }

    /**
     * Advances every active request's progress, records first tokens and gaps, finishes the
     * requests that produced their last token and lets those that decoded turn quiet, compacting
     * the active list, all in one pass: a request's completion depends only on its own progress,
     * and the KV cache's after-step hook (run before this) reads only KV state. Each quiet request
     * decodes one token in the step too, counted here and applied when it wakes.
     */
    private void advanceAndComplete(long now, long stepUs) {
        long gapUs = stepUs + outputProcessingUs;
        long ttftBaseUs = now + stepUs + outputProcessingUs + latency.firstTokenDeliveryUs(stepBatch.requests());
        if (gapLog.full()) {
            gapLog.dropBefore(oldestItlStep());
        }
        long gapStep = gapLog.append(gapUs);
        int gaps = quiet.count();
        int n = running.activeCount();
        int kept = 0;
        int finishedCount = 0;
        for (int i = 0; i < n; i++) {
            Request r = running.active(i);
            boolean decoded = false;
            if (r.progress < r.inputLength) {
                r.progress = r.computedTokens;
            } else if (r.newTokens > 0) {
                r.progress++;
                r.addItl(gapUs, gapStep);
                gaps++;
                decoded = true;
            }
            if (r.progress == r.inputLength && !r.ttftSet) {
                r.ttftSet = true;
                r.firstTokenTimeUs = ttftBaseUs - r.arrivalUs();
            }
            if (completeIfFinished(r, now, stepUs)) {
                if (finishedCount == finished.length) {
                    finished = Arrays.copyOf(finished, finishedCount * 2);
                }
                finished[finishedCount++] = r;
                continue;
            }
            if (decoded && quiet.enter(r, gapStep)) {
                continue;
            }
            if (kept != i) {
                running.moveActiveDown(i, kept);
            }
            kept++;
        }
        running.truncateActive(kept);
        running.removeAll(finished, finishedCount);
        Arrays.fill(finished, 0, finishedCount, null);
        if (gaps > 0) {
            record.itlUs.addCount(gapUs, gaps);
        }
    }

    /** The earliest gap-log step a running request has a token in (only running requests hold gaps). */
    private long oldestItlStep() {
        long oldest = gapLog.nextStep();
        for (int i = 0; i < running.size(); i++) {
            oldest = Math.min(oldest, running.get(i).firstItlStep());
        }
        return oldest;
    }

    /** Finishes {@code r} if it produced its last token or hit the length cap; true if it did. */
    private boolean completeIfFinished(Request r, long now, long stepUs) {
        int maxModelLen = config.maxModelLen();
        if (r.progress >= r.inputLength + Math.max(r.outputLength, 1) - 1) {
            if (r.outputLength > 0 && r.progress < r.inputLength + r.outputLength
                    && !kv.allocate(r.kv, r.inPrefill(), r.progress, r.progress + 1, false)) {
                record.kvAllocationFailures++;
            }
            finish(r, now, stepUs);
            return true;
        }
        if (maxModelLen > 0 && r.progress >= maxModelLen - 1) {
            r.lengthCapped = true;
            record.lengthCapped++;
            finish(r, now, stepUs);
            return true;
        }
        return false;
    }

    private void finish(Request r, long now, long stepUs) {
        kv.release(r.kv);
        r.state = RequestState.COMPLETED;
        events.forgetDeadline(r);
        events.push(now + stepUs, EventQueue.REQUEST_LEFT, r);
        int generated = r.progress - r.inputLength;
        if (generated < r.outputLength) {
            generated++;
        }
        long firstToken = Math.max(r.firstTokenTimeUs, 0);
        long e2e = firstToken + r.itlSumUs + (r.outputLength > 0 ? postDecodeUs : 0);
        record.completed(r, e2e, generated);
        r.releaseItl();
        done(r, now + stepUs);
    }

    private void done(Request r, long timeUs) {
        for (Arrival follow : sessions.onRequestDone(r, timeUs)) {
            int serial = nextSerial++;
            events.push(follow.arrivalUs(), EventQueue.ARRIVAL, new Request(follow, serial));
        }
    }

    private void scheduleStep(long timeUs) {
        events.push(timeUs, EventQueue.STEP, null);
        stepPending = true;
    }

    private SimResult endOfRun() {
        // Held-back requests at a horizon stop count as still queued.
        while (!arrivedDuringStep.isEmpty()) {
            waiting.addLast(arrivedDuringStep.pollFirst());
        }
        Request[] inside = new Request[Math.max(waiting.size(), 1)];
        int queued = waiting.drainTo(inside);
        for (int i = 0; i < queued; i++) {
            record.left(inside[i]);
            inside[i].discardItl(record.itlUs, gapLog);
        }
        for (int i = 0; i < running.size(); i++) {
            Request r = running.get(i);
            quiet.catchUp(r, gapLog.nextStep());
            record.left(r);
            r.discardItl(record.itlUs, gapLog);
        }
        long endUs = Math.min(clockUs, config.horizonUs());
        return record.toResult(waiting.size(), running.size(), endUs, kv.cacheHitRate());
    }
}
