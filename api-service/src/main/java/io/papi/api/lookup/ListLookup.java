package io.papi.api.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import io.papi.api.metrics.ApiMetrics;
import io.papi.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads lists (the lists table) and users' recommendations (the lookup table) as {@link StoredList}s, through a
 * cache of parsed lists with the same TTL and bound as {@code /customer}'s, and the same store pool, timeout and
 * metrics. A list the store does not have is cached as absent too, so unknown ids cost no store call either.
 */
public final class ListLookup {
    /** The list of the items each user interacted with, for {@code ?user=} filters. */
    public static final String SEEN = "seen";
    /** The per-user list ({@code papi recommend lists}' recommended for you / top picks), keyed by user. */
    public static final String FOR_YOU = "for-you";
    /** The key of a global list's row. */
    public static final String GLOBAL_KEY = "_";

    private static final Logger LOG = LoggerFactory.getLogger(ListLookup.class);

    private final StoreCalls store;
    private final ApiMetrics metrics;
    private final Cache<String, Optional<StoredList>> cache;

    ListLookup(StoreCalls store, ApiMetrics metrics, Duration ttl, long maxSize) {
        this.store = store;
        this.metrics = metrics;
        this.cache = RecommendationCache.expiring(ttl, maxSize);
    }

    /** List {@code list} under {@code key}; empty when the table has no such row. Fails with StoreUnavailable. */
    public CompletableFuture<Optional<StoredList>> list(String list, String key) {
        String cacheKey = list + '\u0000' + key;
        Optional<StoredList> cached = cache == null ? null : cache.getIfPresent(cacheKey);
        if (cached != null) {
            metrics.cacheHit();
            return CompletableFuture.completedFuture(cached);
        }
        metrics.cacheMiss();
        CompletableFuture<Optional<StoredList>> fetched =
                store.list(list, key).thenApply(json -> remember(cacheKey, json, list + " of " + key));
        return store.bounded(fetched);
    }

    /** A user's recommendations from the lookup table {@code /customer} reads; empty for an unknown user. */
    public CompletableFuture<Optional<StoredList>> user(String userId) {
        String cacheKey = "\u0000user\u0000" + userId;
        Optional<StoredList> cached = cache == null ? null : cache.getIfPresent(cacheKey);
        if (cached != null) {
            metrics.cacheHit();
            return CompletableFuture.completedFuture(cached);
        }
        metrics.cacheMiss();
        CompletableFuture<Optional<StoredList>> fetched = store.lookup(List.of(userId))
                .thenApply((Map<String, String> found) -> remember(
                        cacheKey, found == null ? null : found.get(userId), "recommendations of user " + userId));
        return store.bounded(fetched);
    }

    /**
     * What the per-user recipes serve a user: their {@link #FOR_YOU} row of the lists table, else their row of the
     * lookup table {@code /customer} reads ({@code papi recommend --publish}), else the global {@code popular} list,
     * as Personalize's cold start does. Empty only when none of the three is published.
     */
    public CompletableFuture<Optional<StoredList>> forYou(String userId, String popular) {
        return list(FOR_YOU, userId)
                .thenCompose(mine -> mine.isPresent() ? CompletableFuture.completedFuture(mine) : user(userId))
                .thenCompose(
                        mine -> mine.isPresent() ? CompletableFuture.completedFuture(mine) : list(popular, GLOBAL_KEY));
    }

    /** The items {@code userId} interacted with (empty for no user or an unknown one). */
    public CompletableFuture<Set<String>> seen(String userId) {
        if (userId == null) {
            return CompletableFuture.completedFuture(Set.of());
        }
        return list(SEEN, userId).thenApply(seen -> {
            if (seen.isEmpty()) {
                return Set.of();
            }
            java.util.HashSet<String> ids = new java.util.HashSet<>();
            for (StoredList.Item item : seen.get().items()) {
                ids.add(item.id());
            }
            return ids;
        });
    }

    private Optional<StoredList> remember(String cacheKey, String json, String what) {
        Optional<StoredList> parsed;
        if (json == null) {
            parsed = Optional.empty();
        } else {
            try {
                parsed = Optional.of(StoredList.parse(json));
            } catch (IllegalArgumentException e) {
                // stored by something other than papi: answer it as empty rather than fail every request for it
                LOG.warn("the stored {} is not a list papi can read ({}); answering it as empty", what, e.getMessage());
                parsed = Optional.of(StoredList.parse("[]"));
            }
        }
        if (cache != null) {
            cache.put(cacheKey, parsed);
        }
        return parsed;
    }

    /**
     * {@code {"list":"similar","seed":"a","items":[...]}} (no seed for a global list): the first {@code n} items
     * not in {@code exclude}, best first.
     */
    public static byte[] answer(String list, String seed, StoredList stored, int n, Set<String> exclude) {
        StringBuilder head = new StringBuilder(64).append("{\"list\":");
        JsonText.htmlSafeString(head, list);
        if (seed != null) {
            JsonText.htmlSafeString(head.append(",\"seed\":"), seed);
        }
        head.append(",\"items\":[");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        int length = start.length + 2;
        int taken = 0;
        List<StoredList.Item> items = stored.items();
        int[] chosen = new int[Math.min(n, items.size())];
        for (int i = 0; i < items.size() && taken < chosen.length; i++) {
            StoredList.Item item = items.get(i);
            if (!exclude.contains(item.id()) && !item.id().equals(seed)) {
                chosen[taken++] = i;
                length += item.element().length + 1;
            }
        }
        byte[] out = new byte[length - (taken == 0 ? 0 : 1)];
        System.arraycopy(start, 0, out, 0, start.length);
        int at = start.length;
        for (int k = 0; k < taken; k++) {
            if (k > 0) {
                out[at++] = ',';
            }
            byte[] element = items.get(chosen[k]).element();
            System.arraycopy(element, 0, out, at, element.length);
            at += element.length;
        }
        out[at++] = ']';
        out[at] = '}';
        return out;
    }
}
