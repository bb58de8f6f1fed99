package io.blisnative.kv;

/** A request's token stream: prompt tokens followed by output tokens, by sequence position. */
public interface TokenSequence {
    /** Token id at sequence position {@code position} (prompt first, then output). */
    int tokenAt(int position);
}
