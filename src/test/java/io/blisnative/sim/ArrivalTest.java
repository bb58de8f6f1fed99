package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blisnative.kv.BlockChain;
import org.junit.jupiter.api.Test;

class ArrivalTest {

    @Test
    void withBlockChain_blockSize_chainOfItsTokensAttachedRestUnchanged() {
        // given a 40-token prompt and 9 output tokens
        Arrival a = new Arrival("r", 5, new int[40], new int[9], 7, 100, "batch", "s", 2);
        // when
        Arrival chained = a.withBlockChain(16);
        // then 49 tokens fill 3 blocks of 16
        assertNull(a.blockChain());
        assertEquals(16, chained.blockChain().blockSize());
        assertEquals(3, chained.blockChain().hashes().length);
        assertEquals(new Arrival("r", 5, a.inputTokens(), a.outputTokens(), 7, 100, "batch", "s", 2,
                chained.blockChain()), chained);
    }

    @Test
    void constructor_chainOfOtherLength_rejected() {
        // given a chain of 2 blocks for tokens that fill 3
        BlockChain wrong = BlockChain.of(new int[32], new int[0], 16);
        // when / then
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Arrival("r", 0, new int[40], new int[9], 0, 0, "", "", 0, wrong));
        assertTrue(e.getMessage().contains("blockChain"), e.getMessage());
    }
}
