package io.papi.lists;

import io.papi.lists.compute.ItemToItemLists;
import io.papi.lists.compute.PopularLists;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes every list papi serves from interactions, in Java (the local path):
 *
 * <pre>{@code
 * DatasetsFolder in = DatasetsFolder.read(Path.of("datasets"));
 * List<ItemList> lists = RecipeLists.compute(in.interactions(), in.genres(), ListOptions.defaults());
 * }</pre>
 */
public final class RecipeLists {
    private RecipeLists() {}

    public static List<ItemList> compute(List<Interaction> rows, Map<String, Set<String>> genres, ListOptions o) {
        List<ItemList> lists = new ArrayList<>();
        if (rows.isEmpty()) {
            return lists;
        }
        long now = Long.MIN_VALUE;
        for (Interaction row : rows) {
            now = Math.max(now, row.epochSeconds());
        }
        lists.add(global(
                ListName.MOST_VIEWED,
                PopularLists.distinctUsers(rows, EnumSet.of(EventType.VIEW), now, o.window(), o.halfLife(), o.size())));
        lists.add(global(ListName.BEST_SELLERS, PopularLists.bestSellers(rows, now, o.window(), o.size())));
        lists.add(global(
                ListName.MOST_POPULAR,
                PopularLists.distinctUsers(
                        rows, EnumSet.allOf(EventType.class), now, o.window(), o.halfLife(), o.size())));
        lists.add(global(
                ListName.TRENDING, PopularLists.trending(rows, now, o.trendInterval(), o.trendMinCount(), o.size())));
        java.util.TreeSet<String> items = new java.util.TreeSet<>();
        for (Interaction row : rows) {
            items.add(row.item());
        }
        perItem(
                lists,
                ListName.BOUGHT_TOGETHER,
                everyItem(
                        items,
                        ItemToItemLists.boughtTogether(rows, o.minSupport(), o.measure(), o.size(), o.maxBasket())));
        perItem(
                lists,
                ListName.ALSO_VIEWED,
                everyItem(
                        items,
                        ItemToItemLists.alsoViewed(
                                rows, o.sessionGap(), o.jaccardThreshold(), o.size(), o.maxBasket())));
        perItem(
                lists,
                ListName.SIMILAR,
                everyItem(
                        items,
                        ItemToItemLists.similar(rows, genres, Math.min(o.neighbours(), o.size()), o.maxBasket())));
        perItem(lists, ListName.SEEN, PopularLists.seen(rows, SEEN_ITEMS));
        return lists;
    }

    /**
     * {@link #compute}'s lists, then for-you per user ({@link PerUserLists}): every row {@code papi recommend lists}
     * publishes.
     */
    public static List<ItemList> computeWithPerUser(
            List<Interaction> rows, Map<String, Set<String>> genres, ListOptions o) {
        List<ItemList> lists = new ArrayList<>(compute(rows, genres, o));
        lists.addAll(PerUserLists.itemLists(rows, o.size()));
        return lists;
    }

    /** The most a user's seen list holds: their latest items, so a heavy user's row stays small. */
    public static final int SEEN_ITEMS = 500;

    /**
     * Every item of the input gets each item-to-item list, empty when nothing co-occurs with it: the API then answers
     * an item it knows with 200 and no items, and only an item it has never seen with 404.
     */
    private static Map<String, List<ScoredItem>> everyItem(Set<String> items, Map<String, List<ScoredItem>> bySeed) {
        Map<String, List<ScoredItem>> all = new java.util.LinkedHashMap<>();
        for (String item : items) {
            all.put(item, bySeed.getOrDefault(item, List.of()));
        }
        return all;
    }

    private static ItemList global(ListName name, List<ScoredItem> items) {
        return new ItemList(name, ListName.GLOBAL_KEY, items);
    }

    private static void perItem(List<ItemList> into, ListName name, Map<String, List<ScoredItem>> bySeed) {
        for (Map.Entry<String, List<ScoredItem>> seed : bySeed.entrySet()) {
            into.add(new ItemList(name, seed.getKey(), seed.getValue()));
        }
    }
}
