package io.papi.api.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * One entry per user id (so {@code 22} and {@code 22,186} share the entry for 22), holding the user's answer
 * element already rendered to bytes. Users the store does not know are cached too, as {@link #ABSENT}, so a
 * stream of unknown ids cannot bypass the cache and load the store. A TTL of zero turns the cache off.
 */
public final class RecommendationCache {
    /** The entry for a user the store did not have. */
    static final byte[] ABSENT = new byte[0];

    private final Cache<String, byte[]> cache;

    public RecommendationCache(Duration ttl, long maxSize) {
        this.cache = expiring(ttl, maxSize);
    }

    /** A cache of at most {@code maxSize} entries, each kept {@code ttl}; null (no cache) for a TTL of zero. */
    static <V> Cache<String, V> expiring(Duration ttl, long maxSize) {
        return ttl.isZero()
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(ttl)
                        .maximumSize(maxSize)
                        .build();
    }

    /** The cached element, {@link #ABSENT}, or null when not cached. */
    byte[] get(String id) {
        return cache == null ? null : cache.getIfPresent(id);
    }

    void put(String id, byte[] element) {
        if (cache != null) {
            cache.put(id, element);
        }
    }

    public long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }
}
