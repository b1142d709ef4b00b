package io.papi.recommender;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Item titles by item id, as the guide's {@code TITLE} table and MovieLens' {@code u.item} give them. */
public final class Titles {

    private static final Titles EMPTY = new Titles(Map.of());

    private final Map<Long, String> byItem;

    private Titles(Map<Long, String> byItem) {
        this.byItem = byItem;
    }

    public static Titles empty() {
        return EMPTY;
    }

    public static Titles of(Map<Long, String> byItem) {
        return new Titles(Collections.unmodifiableMap(new HashMap<>(byItem)));
    }

    public Optional<String> title(long itemId) {
        return Optional.ofNullable(byItem.get(itemId));
    }

    /**
     * The name shown to callers as {@code movie_name}: the title, or the item id as text when there is no title, so
     * a recommendation is never published without a name.
     */
    public String nameOf(long itemId) {
        String t = byItem.get(itemId);
        return t != null ? t : Long.toString(itemId);
    }

    public int size() {
        return byItem.size();
    }

    /** All titles by item id (unmodifiable). */
    public Map<Long, String> asMap() {
        return byItem;
    }
}
