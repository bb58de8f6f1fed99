package io.blisnative.latency;

import io.blisnative.sim.StepBatch;

/** Hand-built step batches shared by the latency tests; the BLIS reference figures use the same ones. */
final class TestBatches {

    private TestBatches() {
    }

    /**
     * Two prefill chunks (0+512 and 512+188 of a 700-token prompt), two decodes (progress 900 and 301).
     * Rows are (progress, newTokens, inputLength, outputLength).
     */
    static StepBatch mixed() {
        StepBatch b = new StepBatch();
        b.add(0, 512, 700, 100);
        b.add(512, 188, 700, 100);
        b.add(900, 1, 800, 200);
        b.add(301, 1, 300, 50);
        return b;
    }

    /** One 2048-token prefill chunk at the start of a 3000-token prompt. */
    static StepBatch prefill() {
        StepBatch b = new StepBatch();
        b.add(0, 2048, 3000, 10);
        return b;
    }

    /** Three decodes at progress 1000, 4000 and 77. */
    static StepBatch decode() {
        StepBatch b = new StepBatch();
        b.add(1000, 1, 900, 300);
        b.add(4000, 1, 3900, 300);
        b.add(77, 1, 60, 20);
        return b;
    }

    /** A finished-prompt request with no output to generate: neither prefill nor decode. */
    static StepBatch noOutput() {
        StepBatch b = new StepBatch();
        b.add(100, 1, 100, 0);
        return b;
    }

    /** One 37-token prefill chunk and 30 decodes: 67 tokens, so the MoE expert-coverage power is non-trivial. */
    static StepBatch many() {
        StepBatch b = new StepBatch();
        b.add(256, 37, 1000, 5);
        for (int i = 0; i < 30; i++) {
            b.add(100 + 37 * i, 1, 50 + 30 * i, 10 + i);
        }
        return b;
    }

    static StepBatch named(String name) {
        switch (name) {
            case "mixed":
                return mixed();
            case "prefill":
                return prefill();
            case "decode":
                return decode();
            case "noOut":
                return noOutput();
            case "many":
                return many();
            default:
                throw new IllegalArgumentException("no batch named " + name);
        }
    }
}
