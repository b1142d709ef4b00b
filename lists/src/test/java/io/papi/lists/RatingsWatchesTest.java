package io.papi.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.recommender.Ratings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RatingsWatchesTest {
    @Test
    void everyRatingIsOneWatchWithDecimalIdsAndItsTime() {
        Ratings ratings = Ratings.builder()
                .add(7, 42, 5f, 1000)
                .add(7, 43, 1f, 2000)
                .add(8, 42, 3f, Ratings.NO_TIMESTAMP)
                .build();
        List<Interaction> rows = RatingsWatches.interactions(ratings);
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        new Interaction("7", "42", 1000, EventType.WATCH),
                        new Interaction("7", "43", 2000, EventType.WATCH),
                        new Interaction("8", "42", 0, EventType.WATCH));
    }

    @Test
    void watchesGiveMostPopularTrendingAndSimilarButNoEcommerceLists() {
        Ratings.Builder b = Ratings.builder();
        // item 1 watched by everyone, item 2 by half, long ago; users 0-9 watch 3 and 4 together on the last day
        long day = 86_400;
        for (int u = 0; u < 20; u++) {
            b.add(u, 1, 4f, 10);
            if (u % 2 == 0) {
                b.add(u, 2, 4f, 10);
            }
            if (u < 10) {
                b.add(u, 3, 4f, 3 * day);
                b.add(u, 4, 4f, 3 * day);
            }
        }
        List<ItemList> lists =
                RecipeLists.compute(RatingsWatches.interactions(b.build()), Map.of(), ListOptions.defaults());
        assertThat(items(lists, ListName.MOST_POPULAR, ListName.GLOBAL_KEY)).startsWith("1", "2");
        assertThat(items(lists, ListName.TRENDING, ListName.GLOBAL_KEY)).containsExactlyInAnyOrder("3", "4");
        assertThat(items(lists, ListName.SIMILAR, "3")).startsWith("4");
        assertThat(items(lists, ListName.BEST_SELLERS, ListName.GLOBAL_KEY)).isEmpty();
        assertThat(items(lists, ListName.BOUGHT_TOGETHER, "3")).isEmpty();
    }

    @Test
    void genresAreSplitOnPipesKeyedByDecimalIds() {
        Map<Long, String> joined = new HashMap<>();
        joined.put(42L, "Action|Comedy");
        joined.put(43L, null);
        joined.put(44L, " | ");
        assertThat(RatingsWatches.genres(joined)).isEqualTo(Map.of("42", Set.of("Action", "Comedy")));
    }

    private static List<String> items(List<ItemList> lists, ListName name, String key) {
        return lists.stream()
                .filter(l -> l.name() == name && l.key().equals(key))
                .findFirst()
                .orElseThrow()
                .items()
                .stream()
                .map(ScoredItem::itemId)
                .toList();
    }
}
