package io.blisnative.kv;

/**
 * Chained {@link BlockHasher} hashes of every full block of one request's token sequence, prompt
 * then output, from position 0, for one block size: entry i covers tokens
 * {@code [i·blockSize, (i+1)·blockSize)} and every block before them.
 *
 * <p>A pure function of the tokens, so it can be computed away from the simulation (on the thread
 * that generates or parses the arrivals) and handed to the {@link KvSequence} ready. The array is
 * not copied and must not be changed.
 *
 * @param blockSize tokens per block (&gt; 0)
 * @param hashes    one chained hash per full block, {@code (input + output) / blockSize} of them
 */
public record BlockChain(int blockSize, long[] hashes) {

    public BlockChain {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        if (hashes == null) {
            throw new IllegalArgumentException("hashes must be non-null");
        }
    }

    /** The chain of the sequence {@code input} then {@code output} for blocks of {@code blockSize} tokens. */
    public static BlockChain of(int[] input, int[] output, int blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        return new BlockChain(blockSize, hashes(input, output, blockSize));
    }

    /** True if this chain has one hash per full block of a {@code tokens}-token sequence. */
    public boolean covers(int tokens) {
        return hashes.length == tokens / blockSize;
    }

    /** True if this is the chain of a {@code length}-token sequence with blocks of {@code size} tokens. */
    boolean fits(int size, int length) {
        return blockSize == size && covers(length);
    }

    static long[] hashes(int[] input, int[] output, int blockSize) {
        int n = (input.length + output.length) / blockSize;
        long[] hashes = new long[n];
        int[] scratch = new int[blockSize];
        long prev = BlockHasher.ROOT;
        for (int i = 0; i < n; i++) {
            prev = hashBlock(input, output, prev, i * blockSize, blockSize, scratch);
            hashes[i] = prev;
        }
        return hashes;
    }

    /**
     * {@link BlockHasher#hash} of the {@code count} tokens at sequence positions
     * {@code [from, from + count)} of {@code input} then {@code output}, chained on {@code prev};
     * {@code scratch} (length ≥ count) holds a block that spans the prompt's end.
     *
     * @throws ArrayIndexOutOfBoundsException if the range runs past the sequence's last token
     */
    static long hashBlock(int[] input, int[] output, long prev, int from, int count, int[] scratch) {
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
        for (int i = 0, p = from; i < count; i++, p++) {
            scratch[i] = p < input.length ? input[p] : output[p - input.length];
        }
        return BlockHasher.hash(prev, scratch, 0, count);
    }
}
