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
    /** The arrays' lengths, kept here so that using them does not read the (cold) arrays. */
    private final int inputLength;
    private final int outputLength;
    int[] blocks;
    int blockCount;
    int basePosition;
    /** Tokens in the last held block (meaningful while blockCount > 0); set by the cache. */
    int lastFill;
    /**
     * How many leading held blocks are known to carry the hashes {@link #chain} gives them (held
     * from position 0): the next one to fill can take its hash from the chain without reading
     * the previous block's. Kept by the cache; 0 claims nothing.
     */
    int chainedBlocks;
    /**
     * Group tag ({@link BlockCache#tagOf}) of the root of the chain the held blocks extend: set
     * when a root is registered or a cached first block committed, 0 while none is held.
     */
    int rootTag;
    /**
     * Positions held twice: from list index {@code shiftFrom[k]} on, a block starts
     * {@code shiftBy[k]} positions (in total) before its index says. BLIS appends a chunk's tokens
     * after the blocks a sequence holds, and a CPU-tier reload can commit a cached block whole
     * past the chunk's end, so the next chunk's first tokens are held again in a fresh block
     * (TieredKvCache). Empty for almost every sequence.
     */
    private int[] shiftFrom;
    private int[] shiftBy;
    private int shifts;
    private final BlockChain precomputed;
    private long[] chain;
    private int chainBlockSize;

    public KvSequence(int[] input, int[] output) {
        this(input, output, null);
    }

    /**
     * @param precomputed the {@link BlockChain} of exactly these tokens, or null; used when its
     *                    block size is the cache's, else the chain is computed on first use
     */
    public KvSequence(int[] input, int[] output, BlockChain precomputed) {
        this.input = input;
        this.output = output;
        this.inputLength = input.length;
        this.outputLength = output.length;
        this.precomputed = precomputed;
        // Room for every block the request can hold, when the chain tells how many: the list then
        // never grows (three copies per request at 48 blocks from 8).
        blocks = new int[precomputed != null ? precomputed.hashes().length + 1 : 8];
    }

    @Override
    public int tokenAt(int position) {
        return position < input.length ? input[position] : output[position - input.length];
    }

    public int inputLength() {
        return inputLength;
    }

    public int outputLength() {
        return outputLength;
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
        return BlockChain.hashBlock(input, output, prev, from, count, scratch);
    }

    /**
     * Chained hashes of every full block of the whole token sequence, prompt then output, from
     * position 0; computed once (the tokens never change) unless a {@link BlockChain} for this
     * block size came with the sequence, the first {@link #promptBlocks} of them being the
     * prompt's. Decode blocks take their hash from here when they fill, instead of reading output
     * tokens that have gone cold since the request arrived.
     */
    long[] chain(int blockSize) {
        if (chain == null || chainBlockSize != blockSize) {
            BlockChain given = precomputed;
            chain = given != null && given.fits(blockSize, inputLength + outputLength) ? given.hashes()
                    : BlockChain.hashes(input, output, blockSize);
            chainBlockSize = blockSize;
        }
        return chain;
    }

    /** Sequence position of the first token of the held block at list index {@code listIndex}. */
    int blockStart(int listIndex, int blockSize) {
        int start = basePosition + listIndex * blockSize;
        for (int k = shifts - 1; k >= 0; k--) {
            if (listIndex >= shiftFrom[k]) {
                return start - shiftBy[k];
            }
        }
        return start;
    }

    /**
     * True if a block at list index {@code listIndex} would extend the leading run of blocks
     * known to carry their chain hashes ({@link #chainedBlocks}).
     */
    boolean extendsChainedRun(int listIndex) {
        return chainedBlocks == listIndex && basePosition == 0 && unshifted(listIndex);
    }

    /** True if no shift applies at or before list index {@code listIndex}: blocks there sit where their index says. */
    boolean unshifted(int listIndex) {
        return shifts == 0 || listIndex < shiftFrom[0];
    }

    /** Makes the held block at list index {@code listIndex} (and every later one) start at {@code position}. */
    void startBlockAt(int listIndex, int position, int blockSize) {
        int by = basePosition + listIndex * blockSize - position;
        if (by == (shifts == 0 ? 0 : shiftBy[shifts - 1])) {
            return;
        }
        if (shiftFrom == null || shifts == shiftFrom.length) {
            shiftFrom = shiftFrom == null ? new int[2] : Arrays.copyOf(shiftFrom, shifts * 2);
            shiftBy = shiftBy == null ? new int[2] : Arrays.copyOf(shiftBy, shifts * 2);
        }
        shiftFrom[shifts] = listIndex;
        shiftBy[shifts] = by;
        shifts++;
    }

    /** Holds no blocks any more (the cache released them all). */
    void forgetBlocks() {
        blockCount = 0;
        basePosition = 0;
        chainedBlocks = 0;
        shifts = 0;
        rootTag = 0;
    }

    /** Number of full prompt blocks: the prefix of {@link #chain} that prefix caching looks up. */
    int promptBlocks(int blockSize) {
        return inputLength / blockSize;
    }
}
