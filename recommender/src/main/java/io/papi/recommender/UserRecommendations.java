package io.papi.recommender;

import io.papi.lookup.RecommendationJson;
import java.util.List;

/**
 * The recommendations for one user, best first.
 *
 * @param userId the user's id
 * @param items  recommended items, best first; never an item the user already rated
 */
public record UserRecommendations(long userId, List<RecommendedItem> items) {

    public UserRecommendations {
        items = List.copyOf(items);
    }

    /**
     * The items as the JSON array stored in the lookup table's {@code RECOMMENDATIONS} column
     * ({@link RecommendationJson#items}), e.g.
     * {@code [{"item_id":50,"movie_name":"Star Wars (1977)","movie_score":"12.00"}]}.
     */
    public String itemsJson() {
        return RecommendationJson.items(items);
    }

    /** One JSON Lines record: {@code {"user_id":22,"recommendations":[...]}}. */
    public String toJsonLine() {
        return RecommendationJson.line(userId, items);
    }
}
