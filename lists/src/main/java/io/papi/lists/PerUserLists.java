package io.papi.lists;

import io.papi.recommender.Algorithm;
import io.papi.recommender.Ratings;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.Recommender;
import io.papi.recommender.Titles;
import io.papi.recommender.UserRecommendations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-user lists ({@code aws-ecomm-recommended-for-you}, {@code aws-vod-top-picks}), published as
 * {@link ListName#FOR_YOU} keyed by user: papi's default recommender (edlae; item-kNN where edlae would be too big or slow, as {@code papi recommend}
 * decides) trained on each user's View and
 * Purchase items (ecommerce) or Watch items (media), one implicit rating per distinct user and item. The datasets'
 * ids are strings and the recommender's are numbers, so users and items get dense indexes, mapped back on output.
 * Items the user bought are left out, as Personalize's default filter leaves them out.
 */
public final class PerUserLists {
    private static final Set<EventType> TRAINED_ON = EnumSet.of(EventType.VIEW, EventType.PURCHASE, EventType.WATCH);

    private PerUserLists() {}

    /**
     * The default algorithm, or item-kNN where the default would not fit in the heap or would take minutes, as
     * {@code papi recommend} gives way.
     */
    static Algorithm algorithm(Ratings ratings) {
        Algorithm chosen = Algorithm.defaultAlgorithm();
        boolean slowOrTooBig = Recommender.whyNotFit(chosen, ratings).isPresent()
                || Recommender.whyNotQuick(chosen, ratings).isPresent();
        return slowOrTooBig ? Algorithm.ITEMKNN : chosen;
    }

    /** The {@link ListName#FOR_YOU} rows of the lists table: {@link #compute} as one {@link ItemList} per user. */
    public static List<ItemList> itemLists(List<Interaction> rows, int size) {
        List<ItemList> lists = new ArrayList<>();
        compute(rows, size).forEach((user, items) -> lists.add(new ItemList(ListName.FOR_YOU, user, items)));
        return lists;
    }

    /** Each user's list, best first, at most {@code size} items; empty when no row is a View, Purchase or Watch. */
    public static Map<String, List<ScoredItem>> compute(List<Interaction> rows, int size) {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        Map<String, Set<String>> bought = new HashMap<>();
        Set<Long> pairs = new HashSet<>();
        Ratings.Builder ratings = Ratings.builder();
        for (Interaction row : rows) {
            if (!TRAINED_ON.contains(row.type())) {
                continue;
            }
            int u = users.computeIfAbsent(row.user(), k -> {
                userIds.add(k);
                return userIds.size() - 1;
            });
            int i = items.computeIfAbsent(row.item(), k -> {
                itemIds.add(k);
                return itemIds.size() - 1;
            });
            if (row.type() == EventType.PURCHASE) {
                bought.computeIfAbsent(row.user(), k -> new HashSet<>()).add(row.item());
            }
            if (pairs.add(((long) u << 32) | i)) {
                ratings.add(u, i, 1f, row.epochSeconds());
            }
        }
        Map<String, List<ScoredItem>> byUser = new LinkedHashMap<>();
        if (pairs.isEmpty()) {
            return byUser;
        }
        Ratings trained = ratings.build();
        Recommender model = Recommender.train(trained, algorithm(trained));
        for (UserRecommendations r :
                model.recommendAll(size, Titles.empty(), io.papi.recommender.ProgressListener.NONE)) {
            String user = userIds.get((int) r.userId());
            Set<String> mine = bought.getOrDefault(user, Set.of());
            List<ScoredItem> kept = new ArrayList<>();
            for (RecommendedItem item : r.items()) {
                String id = itemIds.get((int) item.itemId());
                if (!mine.contains(id)) {
                    kept.add(new ScoredItem(id, item.score()));
                }
            }
            byUser.put(user, kept);
        }
        return byUser;
    }
}
