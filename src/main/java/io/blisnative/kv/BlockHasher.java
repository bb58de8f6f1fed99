package io.blisnative.kv;

/**
 * Chained content hash of a KV block: the hash of block i covers its tokens and block i-1's hash,
 * so equal hashes mean equal whole prefixes.
 *
 * <p>BLIS uses hex SHA-256 strings; only equality matters for cache behaviour, so a 64-bit mix is
 * enough (a false match needs two different prefixes to collide among at most millions of blocks,
 * odds ~1e-7 per run) and costs a few multiplications per token instead of a digest and a string.
 */
public final class BlockHasher {
    /** The chain value before the first block. */
    public static final long ROOT = 0x2545F4914F6CDD1DL;

    private BlockHasher() {
    }

    /**
     * Hash of the block holding {@code count} tokens read through {@code tokens} starting at
     * sequence position {@code from}, chained on {@code prev}. Never returns 0 (the index's empty key).
     */
    public static long hash(long prev, TokenSequence tokens, int from, int count) {
        long h = mix(prev ^ 0x9E3779B97F4A7C15L);
        for (int p = from, end = from + count; p < end; p++) {
            h = mix(h + (tokens.tokenAt(p) & 0xFFFFFFFFL) * 0xC2B2AE3D27D4EB4FL);
        }
        return h == 0 ? 1 : h;
    }

    /** Same hash over a plain array slice (used for whole prompt blocks). */
    public static long hash(long prev, int[] tokens, int from, int count) {
        long h = mix(prev ^ 0x9E3779B97F4A7C15L);
        for (int p = from, end = from + count; p < end; p++) {
            h = mix(h + (tokens[p] & 0xFFFFFFFFL) * 0xC2B2AE3D27D4EB4FL);
        }
        return h == 0 ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
