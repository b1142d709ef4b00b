package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecommenderTest {

    /** A slice of the synthetic data (users 1..150, items 1..400) keeps EASE and item-kNN quick. */
    private static Ratings slice() {
        return TestRatings.syntheticSlice(150, 400);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void recommendsEveryUserTopNUnratedItemsInAscendingUserOrder(Algorithm algorithm) {
        Ratings r = slice();
        Recommender rec = Recommender.train(r, algorithm);

        List<UserRecommendations> all =
                rec.recommendAll(10, TestData.synthetic().titles(), ProgressListener.NONE);

        assertThat(all).extracting(UserRecommendations::userId).containsExactly(toObjects(r.userIds()));
        for (UserRecommendations u : all) {
            int user = r.userIndex(u.userId());
            Set<Long> rated = new HashSet<>();
            for (int p = r.start(user); p < r.end(user); p++) {
                rated.add(r.itemId(r.item(p)));
            }
            assertThat(u.items()).hasSize(10);
            assertThat(u.items())
                    .extracting(RecommendedItem::itemId)
                    .doesNotContainAnyElementsOf(rated)
                    .doesNotHaveDuplicates();
            assertThat(u.items())
                    .extracting(RecommendedItem::score)
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(u.items().get(0).movieName())
                    .isEqualTo(TestData.synthetic()
                            .titles()
                            .nameOf(u.items().get(0).itemId()));
        }
    }

    @Test
    void chosenUsersComeBackOnceEachAscendingAndUnknownUsersGetTheMostPopularItems() {
        Ratings r = slice();
        Recommender rec = Recommender.train(r, Algorithm.EASE);
        Recommender popular = Recommender.train(r, Algorithm.POPULAR);

        List<UserRecommendations> got =
                rec.recommend(new long[] {99_999, 3, 1, 3}, 5, Titles.empty(), ProgressListener.NONE);

        assertThat(got).extracting(UserRecommendations::userId).containsExactly(1L, 3L, 99_999L);
        assertThat(rec.knows(99_999)).isFalse();
        List<Long> mostRated =
                popular.recommend(new long[] {99_999}, 5, Titles.empty(), ProgressListener.NONE).get(0).items().stream()
                        .map(RecommendedItem::itemId)
                        .toList();
        assertThat(got.get(2).items()).extracting(RecommendedItem::itemId).containsExactlyElementsOf(mostRated);
        int[] counts = r.itemCounts();
        assertThat(got.get(2).items().get(0).score())
                .isEqualTo(java.util.Arrays.stream(counts).max().orElseThrow());
    }

    @Test
    void reportsProgressOnceForEveryUser() {
        Ratings r = slice();
        RecordedProgress listener = new RecordedProgress();

        Recommender.train(r, Algorithm.POPULAR).recommendAll(3, Titles.empty(), listener);

        assertThat(listener.events).containsExactly("recommending (popular) 150", "done");
        assertThat(listener.advanced()).isEqualTo(150);
    }

    @Test
    void refusesATopNBelowOneAndEmptyRatings() {
        Recommender rec = Recommender.train(slice(), Algorithm.POPULAR);

        assertThatThrownBy(() -> rec.recommendAll(0, Titles.empty(), ProgressListener.NONE))
                .hasMessage("top-N must be at least 1, got 0");
        assertThatThrownBy(() -> Recommender.train(Ratings.builder().build(), Algorithm.EASE))
                .hasMessage("there are no ratings to train on: check the input and its load report");
        assertThatThrownBy(() -> Algorithm.parse("svd"))
                .hasMessage("unknown algorithm 'svd': use one of notebook, edlae, ease, itemknn, popular");
        assertThat(Algorithm.parse(" EASE ")).isEqualTo(Algorithm.EASE);
    }

    private static Long[] toObjects(long[] a) {
        Long[] o = new Long[a.length];
        for (int k = 0; k < a.length; k++) {
            o[k] = a[k];
        }
        return o;
    }
}
