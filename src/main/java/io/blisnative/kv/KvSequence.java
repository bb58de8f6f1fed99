package io.blisnative.kv;

import java.util.Arrays;

/**
 * The KV-cache view of one request: its tokens and the blocks it holds, in sequence order.
 *
 * <p>Owned by the request, mutated only by a {@link KvCache}. {@code basePosition} is the sequence
 * position of the first token of the first held block: 0 normally, but a request whose prompt was
 * fully cached yet never pinned its cached blocks starts holding blocks at its first output token.
 */
public final class KvSequence implements TokenSequence {
    private final int[] input;
    private final int[] output;
    int[] blocks = new int[8];
    int blockCount;
    int basePosition;
    /** Tokens in the last held block (meaningful while blockCount > 0); set by the cache. */
    int lastFill;
    private long[] chain;

    public KvSequence(int[] input, int[] output) {
        this.input = input;
        this.output = output;
    }

    @Override
    public int tokenAt(int position) {
        return position < input.length ? input[position] : output[position - input.length];
    }

    public int inputLength() {
        return input.length;
    }

    public int outputLength() {
        return output.length;
    }

    /** Number of KV blocks this request holds now. */
    public int blockCount() {
        return blockCount;
    }

    /** Block id at list position {@code i} (0 = first). */
    public int block(int i) {
        return blocks[i];
    }

    void append(int block) {
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blockCount * 2);
        }
        blocks[blockCount++] = block;
    }

    /**
     * Makes room for {@code n} block ids, so appending them never copies the list. Grows at least
     * geometrically: a decoding sequence reserves one more block every block's worth of tokens,
     * and growing to exactly {@code n} would copy its whole list each time.
     */
    void reserveBlocks(int n) {
        if (blocks.length < n) {
            blocks = Arrays.copyOf(blocks, Math.max(n, blocks.length * 2));
        }
    }

    /**
     * {@link BlockHasher#hash} of the {@code count} tokens at sequence positions
     * {@code [from, from + count)}, chained on {@code prev}; {@code scratch} (length ≥ count) holds
     * a block that spans the prompt's end.
     *
     * @throws ArrayIndexOutOfBoundsException if the range runs past the sequence's last token
     */
    long hashBlock(long prev, int from, int count, int[] scratch) {
        int end = from + count;
        if (end <= input.length) {
            return BlockHasher.hash(prev, input, from, count);
        }
        if (from >= input.length) {
            if (end - input.length > output.length) {
                throw new ArrayIndexOutOfBoundsException("position " + (end - 1) + " past the sequence's "
                        + (input.length + output.length) + " tokens");
            }
            return BlockHasher.hash(prev, output, from - input.length, count);
        }
        for (int i = 0; i < count; i++) {
            scratch[i] = tokenAt(from + i);
        }
        return BlockHasher.hash(prev, scratch, 0, count);
    }

    /**
     * Chained hashes of every full block of the whole token sequence, prompt then output, from
     * position 0; computed once (the tokens never change), the first {@link #promptBlocks} of them
     * being the prompt's. Decode blocks take their hash from here when they fill, instead of
     * reading output tokens that have gone cold since the request arrived.
     */
    long[] chain(int blockSize) {
        if (chain == null) {
            int n = (input.length + output.length) / blockSize;
            long[] hashes = new long[n];
            int[] scratch = new int[blockSize];
            long prev = BlockHasher.ROOT;
            for (int i = 0; i < n; i++) {
                prev = hashBlock(prev, i * blockSize, blockSize, scratch);
                hashes[i] = prev;
            }
            chain = hashes;
        }
        return chain;
    }

    /** Number of full prompt blocks: the prefix of {@link #chain} that prefix caching looks up. */
    int promptBlocks(int blockSize) {
        return input.length / blockSize;
    }
}
