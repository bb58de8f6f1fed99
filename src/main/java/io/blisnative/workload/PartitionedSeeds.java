package io.blisnative.workload;

import java.nio.charset.StandardCharsets;

/**
 * Seeds of BLIS's per-subsystem random streams ({@code sim.PartitionedRNG}): subsystem
 * {@code "workload"} uses the run seed itself, every other subsystem the run seed XOR the
 * 64-bit FNV-1a hash of its name. Separate streams keep one subsystem's draws from shifting
 * another's.
 */
public final class PartitionedSeeds {
    /** The stream BLIS's workload generator ({@code sim/workload}) draws from. */
    public static final String WORKLOAD_GEN = "workload-gen";
    /** The legacy stream that keeps the raw seed. */
    public static final String WORKLOAD = "workload";

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PartitionedSeeds() {
    }

    /** Seed of subsystem {@code name}'s stream for run seed {@code seed}. */
    public static long forSubsystem(long seed, String name) {
        return WORKLOAD.equals(name) ? seed : seed ^ fnv1a64(name);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes of {@code s}. */
    static long fnv1a64(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= FNV_PRIME;
        }
        return h;
    }
}
