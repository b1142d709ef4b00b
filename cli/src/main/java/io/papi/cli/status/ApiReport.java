package io.papi.cli.status;

/**
 * The lookup API as {@code papi status} saw it, with its cache figures from {@code /metrics} (null when absent).
 *
 * @param cacheHitRatio hits / (hits + misses), null before the first lookup
 */
public record ApiReport(
        String url,
        Health health,
        String detail,
        Long requests,
        Long cacheHits,
        Long cacheMisses,
        Double cacheHitRatio,
        Long cachedUsers) {}
