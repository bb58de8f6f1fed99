package io.blisnative.cli;

/**
 * Server settings a trace header supplies; flags override them. Any field may be null.
 */
record ServerDefaults(
        String model,
        String hardware,
        Integer tp,
        Integer maxNumSeqs,
        Integer maxNumBatchedTokens,
        Integer maxModelLen,
        Integer blockSize,
        Double gpuMemoryUtilization,
        Long totalKvBlocks,
        Long cpuKvBlocks) {

    static final ServerDefaults NONE = new ServerDefaults(null, null, null, null, null, null, null, null, null, null);
}
