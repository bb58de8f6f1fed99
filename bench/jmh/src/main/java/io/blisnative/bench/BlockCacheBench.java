package io.blisnative.bench;

import io.blisnative.kv.BlockCache;
import io.blisnative.kv.KvSequence;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link BlockCache} allocate/release as the scheduler drives it: a request's prompt is looked up
 * in the prefix cache and allocated, then decode tokens are appended one per step, then the
 * request leaves. Each operation is one request's whole life; the score is requests per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockCacheBench {
    private static final int REQUESTS = 256;
    private static final int BLOCK_SIZE = 16;

    /** Prompt tokens shared by every request (a system prompt): 0 = no prefix reuse. */
    @Param({"0", "256"})
    int sharedPrefix;

    @Param({"512"})
    int promptTokens;

    @Param({"128"})
    int outputTokens;

    private BlockCache cache;
    private KvSequence[] requests;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        int[] prefix = random.ints(sharedPrefix, 0, 128_000).toArray();
        requests = new KvSequence[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            int[] prompt = random.ints(promptTokens, 0, 128_000).toArray();
            System.arraycopy(prefix, 0, prompt, 0, Math.min(prefix.length, prompt.length));
            requests[i] = new KvSequence(prompt, random.ints(outputTokens, 0, 128_000).toArray());
        }
    }

    /**
     * A fresh cache per invocation, so prompts cached by the previous invocation cannot hit; it has
     * room for every request at once, so no allocation fails and every invocation does the same work.
     */
    @Setup(Level.Invocation)
    public void freshCache() {
        int perRequest = (promptTokens + outputTokens) / BLOCK_SIZE + 2;
        cache = new BlockCache(REQUESTS * perRequest, BLOCK_SIZE);
    }

    /** All requests admitted, decoded to the end, then released, like one batch's lifetime. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public int batchLifetime() {
        int held = 0;
        for (KvSequence seq : requests) {
            // As the batch former does: the cached blocks are pinned, only the rest is computed.
            int start = cache.lookupCachedPrefix(seq) * BLOCK_SIZE;
            cache.allocate(seq, true, start, seq.inputLength(), true);
        }
        for (int t = 0; t < outputTokens; t++) {
            int position = promptTokens + t;
            for (KvSequence seq : requests) {
                cache.allocate(seq, false, position, position + 1, false);
            }
        }
        for (KvSequence seq : requests) {
            held += seq.blockCount();
            cache.release(seq);
        }
        return held;
    }
}
