package io.papi.api.lookup;

import io.papi.api.ApiConfig.IdMode;
import io.papi.api.metrics.ApiMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a list of valid ids: from the cache where it can, from the store for the rest, as one JSON array in
 * the order asked. When every id is cached the answer is complete on return, without leaving the caller's thread;
 * otherwise it completes when the store answers, or fails with {@link StoreCalls.StoreUnavailable}.
 */
public final class RecommendationLookup {
    private final RecommendationCache cache;
    private final StoreCalls store;
    private final ApiMetrics metrics;
    private final AnswerRenderer renderer;

    public RecommendationLookup(RecommendationCache cache, StoreCalls store, ApiMetrics metrics, IdMode mode) {
        this.cache = cache;
        this.store = store;
        this.metrics = metrics;
        this.renderer = new AnswerRenderer(mode);
    }

    /** Lists and single users' recommendations, on this lookup's store and metrics, with a cache of their own. */
    public ListLookup lists(java.time.Duration ttl, long maxSize) {
        return new ListLookup(store, metrics, ttl, maxSize);
    }

    public CompletableFuture<byte[]> answer(List<String> ids) {
        int n = ids.size();
        byte[][] elements = new byte[n][];
        List<String> missing = null;
        int[] missingAt = null;
        for (int i = 0; i < n; i++) {
            byte[] cached = cache.get(ids.get(i));
            if (cached != null) {
                metrics.cacheHit();
                elements[i] = cached;
            } else {
                metrics.cacheMiss();
                if (missing == null) {
                    missing = new ArrayList<>(n - i);
                    missingAt = new int[n - i];
                }
                missingAt[missing.size()] = i;
                missing.add(ids.get(i));
            }
        }
        if (missing == null) {
            return CompletableFuture.completedFuture(renderer.answer(elements));
        }
        List<String> toFetch = missing;
        int[] at = missingAt;
        CompletableFuture<byte[][]> fetched = store.lookup(toFetch).thenApply(found -> renderAndCache(toFetch, found));
        return store.bounded(fetched).thenApply(rendered -> {
            for (int k = 0; k < rendered.length; k++) {
                elements[at[k]] = rendered[k];
            }
            return renderer.answer(elements);
        });
    }

    /** Runs on the store thread, so a late answer still fills the cache after its caller got a 503. */
    private byte[][] renderAndCache(List<String> ids, Map<String, String> found) {
        byte[][] rendered = new byte[ids.size()][];
        Map<String, String> byId = found == null ? new HashMap<>() : found;
        for (int k = 0; k < rendered.length; k++) {
            String id = ids.get(k);
            String json = byId.get(id);
            byte[] element =
                    json == null && !byId.containsKey(id) ? RecommendationCache.ABSENT : renderer.element(id, json);
            cache.put(id, element);
            rendered[k] = element;
        }
        return rendered;
    }
}
