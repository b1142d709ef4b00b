package io.papi.recommender.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.recommender.Algorithm;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.Recommender;
import io.papi.recommender.TestRatings;
import io.papi.recommender.Titles;
import io.papi.recommender.UserRecommendations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-computed example. Pivot (users × items 1..5, 0 = missing):
 * <pre>
 *        1  2  3  4  5
 *   u1   5  3  .  .  .
 *   u2   5  3  4  .  .
 *   u3   5  3  .  4  .
 *   u4   .  .  .  .  2
 * </pre>
 * cos(u1,u2) = cos(u1,u3) = 34/√(34·50) ≈ 0.8246 — an exact tie — and u4 shares no item with anyone (distance 1).
 */
class NotebookUserKnnTest {

    private static final Ratings PIVOT = TestRatings.pivot(
            new int[] {5, 3, 0, 0, 0}, // u1
            new int[] {5, 3, 4, 0, 0}, // u2
            new int[] {5, 3, 0, 4, 0}, // u3
            new int[] {0, 0, 0, 0, 2}); // u4
    private static final Titles TITLES = Titles.of(Map.of(1L, "One", 2L, "Two", 3L, "Three", 4L, "Four", 5L, "Five"));

    private static List<UserRecommendations> recommend(int neighbours, long user) {
        Recommender rec = Recommender.train(
                PIVOT,
                Algorithm.NOTEBOOK,
                Parameters.defaults().withNotebookNeighbours(neighbours),
                ProgressListener.NONE);
        return rec.recommend(new long[] {user}, 3, TITLES, ProgressListener.NONE);
    }

    @Test
    void theUserIsItsOwnNearestNeighbourAndDistanceTiesGoToTheLowerUserId() {
        NotebookUserKnn knn = NotebookUserKnn.train(PIVOT, 3);

        assertThat(knn.neighbours(PIVOT.userIndex(1))).containsExactly(0, 1, 2);
        // With room for one other user, the tie between u2 and u3 goes to u2.
        assertThat(NotebookUserKnn.train(PIVOT, 2).neighbours(0)).containsExactly(0, 1);
        // u4 is at distance 1 from everyone: the lowest ids fill its list after itself.
        assertThat(knn.neighbours(PIVOT.userIndex(4))).containsExactly(3, 0, 1);
    }

    @Test
    void scoresUnratedItemsByThePlainSumOfNeighbourRatingsWithTiesToTheLowerItemId() {
        // k = 3: u1 + u2 + u3 → item 3 = 4, item 4 = 4 (tie → 3 first), item 5 = 0.
        assertThat(recommend(3, 1).get(0).items())
                .containsExactly(
                        new RecommendedItem(3, "Three", 4),
                        new RecommendedItem(4, "Four", 4),
                        new RecommendedItem(5, "Five", 0));
        // k = 2: u1 + u2 → item 3 = 4, items 4 and 5 = 0 (tie → 4 first).
        assertThat(recommend(2, 1).get(0).items())
                .extracting(RecommendedItem::itemId)
                .containsExactly(3L, 4L, 5L);
        assertThat(recommend(2, 1).get(0).items())
                .extracting(RecommendedItem::movieScore)
                .containsExactly("4.00", "0.00", "0.00");
        // u4 with k = 3: u4 + u1 + u2 → item 1 = 10, item 2 = 6, item 3 = 4.
        assertThat(recommend(3, 4).get(0).items())
                .extracting(RecommendedItem::movieScore)
                .containsExactly("10.00", "6.00", "4.00");
    }

    @Test
    void theGuidesTenNeighboursIncludeEveryoneInASmallPivot() {
        // With k = 10 ≥ 4 users, everyone votes: for u1, items 3 and 4 score 4, item 5 scores 2.
        assertThat(recommend(10, 1).get(0).items())
                .extracting(RecommendedItem::movieScore)
                .containsExactly("4.00", "4.00", "2.00");
        assertThat(Algorithm.NOTEBOOK.defaultTopN()).isEqualTo(3);
        assertThat(Parameters.defaults().notebookNeighbours()).isEqualTo(10);
    }
}
