/**
 * Paged KV-cache accounting with prefix caching.
 *
 * <p>Read first: {@link io.blisnative.kv.KvCache} (the contract the scheduler uses),
 * {@link io.blisnative.kv.BlockCache} (GPU blocks, LRU free list, chained block hashes) and
 * {@link io.blisnative.kv.TieredKvCache} (optional CPU tier with reload cost).
 */
package io.blisnative.kv;
