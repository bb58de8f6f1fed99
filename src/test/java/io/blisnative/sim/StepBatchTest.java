package io.blisnative.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepBatchTest {

    @Test
    void add_beyondInitialCapacity_keepsEveryRowAndPhase() {
        // given an empty batch
        StepBatch batch = new StepBatch();
        // when more rows are added than the initial arrays hold
        for (int i = 0; i < 200; i++) {
            batch.add(i, 1, 100, 10);
        }
        // then every row survives the growth and the prefill test uses progress < input length
        assertEquals(200, batch.size());
        assertEquals(150, batch.progress(150));
        assertTrue(batch.isPrefill(99));
        assertFalse(batch.isPrefill(100));
        batch.clear();
        assertEquals(0, batch.size());
    }
}
