package io.blisnative.kv;

/**
 * Chained content hash of a KV block: the hash of block i covers its tokens and block i-1's hash,
 * so equal hashes mean equal whole prefixes.
 *
 * <p>BLIS uses hex SHA-256 strings; only equality matters for cache behaviour, so a 64-bit hash is
 * enough (a false match needs two different prefixes to collide among at most millions of blocks,
 * odds ~1e-7 per run). Every prompt and output token is hashed once per request, so the hash is
 * built for throughput: token pairs are packed into 64-bit words and folded into four independent
 * multiply-rotate lanes (the xxHash64 round), which are then combined and avalanched. Each round
 * is a bijection of its lane for a fixed word and of the word for a fixed lane, so two blocks that
 * differ in a single token never collide.
 */
public final class BlockHasher {
    /** The chain value before the first block. */
    public static final long ROOT = 0x2545F4914F6CDD1DL;

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private BlockHasher() {
    }

    /**
     * Hash of the block holding {@code count} tokens read through {@code tokens} starting at
     * sequence position {@code from}, chained on {@code prev}. Never returns 0 (the index's empty key).
     */
    public static long hash(long prev, TokenSequence tokens, int from, int count) {
        int[] copy = new int[count];
        for (int i = 0; i < count; i++) {
            copy[i] = tokens.tokenAt(from + i);
        }
        return hash(prev, copy, 0, count);
    }

    /** Same hash over a plain array slice. */
    public static long hash(long prev, int[] tokens, int from, int count) {
        int end = from + count;
        int p = from;
        long h;
        if (count >= 8) {
            long v1 = prev + P1 + P2;
            long v2 = prev + P2;
            long v3 = prev;
            long v4 = prev - P1;
            for (; p + 8 <= end; p += 8) {
                v1 = round(v1, pair(tokens[p], tokens[p + 1]));
                v2 = round(v2, pair(tokens[p + 2], tokens[p + 3]));
                v3 = round(v3, pair(tokens[p + 4], tokens[p + 5]));
                v4 = round(v4, pair(tokens[p + 6], tokens[p + 7]));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
        } else {
            h = prev + P5;
        }
        h += (long) count * 4;
        for (; p + 2 <= end; p += 2) {
            h ^= round(0, pair(tokens[p], tokens[p + 1]));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (p < end) {
            h ^= (tokens[p] & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }

    private static long pair(int first, int second) {
        return (first & 0xFFFFFFFFL) | ((long) second << 32);
    }

    private static long round(long lane, long word) {
        return Long.rotateLeft(lane + word * P2, 31) * P1;
    }
}
