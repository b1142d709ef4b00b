package io.papi.lists;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Interaction rows for the list tests, written a user's history at a time, and the item ids of a list. */
final class Histories {

    private Histories() {}

    /** {@code user}'s events of one {@code type} at time {@code t}, one per item, in order. */
    static Stream<Interaction> events(String user, EventType type, long t, String... items) {
        return Arrays.stream(items).map(item -> new Interaction(user, item, t, type));
    }

    @SafeVarargs
    static List<Interaction> rows(Stream<Interaction>... histories) {
        return Arrays.stream(histories).flatMap(h -> h).toList();
    }

    static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }
}
