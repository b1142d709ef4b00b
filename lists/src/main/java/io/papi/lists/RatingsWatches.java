package io.papi.lists;

import io.papi.recommender.Ratings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ratings as {@code papi recommend} loads them (MovieLens, the guide's CSVs, papi's synthetic data, a mapped CSV),
 * turned into the interactions the lists are computed from: every rating is one VIDEO_ON_DEMAND Watch by the user
 * of the item at the rating's time, whatever its value, as {@code papi datasets ratings} writes them. The numeric ids
 * become their decimal text ({@code 42} is {@code "42"}), the ids the lists table and the API then use.
 */
public final class RatingsWatches {
    private RatingsWatches() {}

    /** One Watch per rating; a rating without a timestamp is dated 0 (the epoch), so it falls in every window. */
    public static List<Interaction> interactions(Ratings ratings) {
        List<Interaction> rows = new ArrayList<>(ratings.size());
        String[] items = new String[ratings.itemCount()];
        for (int i = 0; i < items.length; i++) {
            items[i] = Long.toString(ratings.itemId(i));
        }
        for (int u = 0; u < ratings.userCount(); u++) {
            String user = Long.toString(ratings.userId(u));
            for (int p = ratings.start(u); p < ratings.end(u); p++) {
                long at = ratings.timestamp(p);
                rows.add(new Interaction(
                        user, items[ratings.item(p)], at == Ratings.NO_TIMESTAMP ? 0 : at, EventType.WATCH));
            }
        }
        return rows;
    }

    /** Genres by item id as the lists use them, from genres joined by {@code |} (MovieLens' u.item); blanks dropped. */
    public static Map<String, Set<String>> genres(Map<Long, String> joinedByItem) {
        Map<String, Set<String>> genres = new HashMap<>();
        joinedByItem.forEach((item, joined) -> {
            if (joined == null) {
                return;
            }
            Set<String> set = new LinkedHashSet<>();
            for (String genre : joined.split("\\|")) {
                if (!genre.isBlank()) {
                    set.add(genre.trim());
                }
            }
            if (!set.isEmpty()) {
                genres.put(Long.toString(item), set);
            }
        });
        return genres;
    }
}
