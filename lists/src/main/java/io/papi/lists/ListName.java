package io.papi.lists;

import java.util.Locale;
import java.util.Optional;

/**
 * papi's lists, named as the API serves them. Global lists are stored under {@link #GLOBAL_KEY}; item-to-item
 * lists under the seed item's id.
 */
public enum ListName {
    MOST_VIEWED(true),
    BEST_SELLERS(true),
    MOST_POPULAR(true),
    TRENDING(true),
    BOUGHT_TOGETHER(false),
    ALSO_VIEWED(false),
    SIMILAR(false),
    /** Per user, not per item: what each user interacted with, for the API's {@code ?user=} filter. */
    SEEN(false),
    /** Per user: recommended for you / top picks ({@link PerUserLists}), read by POST /recommendations. */
    FOR_YOU(false);

    /** The key of a global list's one row. Keys are scoped by list, so an item called "_" cannot collide with it. */
    public static final String GLOBAL_KEY = "_";

    /** The constant's name in lower case, with hyphens: {@code most-viewed}, {@code for-you}. */
    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    private final boolean global;

    ListName(boolean global) {
        this.global = global;
    }

    /** The name in the lists table, in JSON Lines and in routes. */
    public String id() {
        return id;
    }

    public boolean global() {
        return global;
    }

    public static Optional<ListName> of(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        for (ListName name : values()) {
            if (name.id.equals(lower)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
