package io.blisnative.workload;

/** Random token ids as BLIS draws them, and prompt assembly. */
final class TokenIds {
    /** Token ids are drawn from [0, MAX_TOKEN_ID): one {@code Intn(128000)} per token. */
    static final int MAX_TOKEN_ID = 128000;

    private TokenIds() {
    }

    /** {@code length} ids, one Intn draw each, in order. */
    static int[] random(GoRandom rng, int length) {
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = rng.intn(MAX_TOKEN_ID);
        }
        return ids;
    }

    static int[] concat(int[] head, int[] tail) {
        if (head.length == 0) {
            return tail;
        }
        int[] all = new int[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
