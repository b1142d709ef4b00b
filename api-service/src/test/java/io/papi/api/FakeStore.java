package io.papi.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A store double: recommendations in a map, every call recorded, and switches to make it fail or stall. */
final class FakeStore implements RecommendationStore {
    private final Map<String, String> rows = new ConcurrentHashMap<>();
    final List<List<String>> lookups = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile long delayMillis;
    final AtomicInteger finished = new AtomicInteger();

    FakeStore with(String id, String json) {
        rows.put(id, json);
        return this;
    }

    @Override
    public Map<String, String> lookup(List<String> ids) {
        lookups.add(new ArrayList<>(ids));
        pause();
        try {
            if (down) {
                throw new StoreException("fake store is down");
            }
            return found(ids);
        } finally {
            finished.incrementAndGet();
        }
    }

    private Map<String, String> found(List<String> ids) {
        Map<String, String> found = new HashMap<>();
        for (String id : ids) {
            String json = rows.get(id);
            if (json != null) {
                found.put(id, json);
            }
        }
        return found;
    }

    @Override
    public boolean ping(Duration timeout) {
        pause();
        return !down;
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every id asked for, over all calls, in order. */
    List<String> idsFetched() {
        List<String> all = new ArrayList<>();
        lookups.forEach(all::addAll);
        return all;
    }

    static String recs(String... movies) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < movies.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"movie_name\":\"")
                    .append(movies[i])
                    .append("\",\"movie_score\":\"")
                    .append(5 - i)
                    .append(".00\"}");
        }
        return s.append(']').toString();
    }
}
