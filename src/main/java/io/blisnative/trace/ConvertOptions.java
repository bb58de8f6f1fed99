package io.blisnative.trace;

import java.util.List;

/**
 * How to convert.
 *
 * @param seed         seed for every random choice (prompt order, arrival gaps); same seed, same bytes
 * @param sharedPrefix which inference-perf shared_prefix settings to expand (see {@link SharedPrefixSource})
 * @param arrivals     how inference-perf constant-rate stages space their sends
 * @param sourceRef    upstream location of the source (repository@commit:path) for provenance, or null
 * @param notes        extra provenance notes appended after the converter's own
 * @param overrides    header values that replace or fill in the source's
 */
public record ConvertOptions(
        long seed,
        SharedPrefixSource sharedPrefix,
        ArrivalPattern arrivals,
        String sourceRef,
        List<String> notes,
        HeaderOverrides overrides) {

    /** The default seed, as BLIS uses. */
    public static final long DEFAULT_SEED = 42;
    /** All measured data here is from H100-80GB SXM (data/PROVENANCE.md). */
    public static final String DEFAULT_HARDWARE = "H100";
    /** Converter name and algorithm version recorded in provenance; bump when output changes. */
    public static final String CONVERTED_BY = "blis-native convert/1";

    public ConvertOptions {
        if (sharedPrefix == null || arrivals == null) {
            throw new IllegalArgumentException("sharedPrefix and arrivals must be non-null");
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
        overrides = overrides == null ? HeaderOverrides.none() : overrides;
    }

    /** Defaults: seed 42, shared prefix as inference-perf ran it, inference-perf's arrival spacing. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(DEFAULT_SEED, SharedPrefixSource.RESOLVED, ArrivalPattern.EXPONENTIAL_NORMALIZED,
                null, List.of(), HeaderOverrides.none());
    }

    /** Same options with another seed. */
    public ConvertOptions withSeed(long newSeed) {
        return new ConvertOptions(newSeed, sharedPrefix, arrivals, sourceRef, notes, overrides);
    }
}
