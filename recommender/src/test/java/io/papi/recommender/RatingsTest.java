package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingsTest {

    @Test
    void indexesFollowAscendingIdsAndRatingsAreGroupedByUserThenItem() {
        Ratings.Builder b = Ratings.builder()
                .add(30, 5, 1, 100)
                .add(10, 9, 2, 200)
                .add(30, 2, 3, 300)
                .add(10, 5, 4, 400);

        Ratings r = b.build();

        assertThat(r.userIds()).containsExactly(10, 30);
        assertThat(r.itemIds()).containsExactly(2, 5, 9);
        assertThat(r.start(0)).isZero();
        assertThat(r.end(0)).isEqualTo(2);
        assertThat(r.item(0)).isEqualTo(1); // user 10: item 5 …
        assertThat(r.value(0)).isEqualTo(4f);
        assertThat(r.item(1)).isEqualTo(2); // … then item 9
        assertThat(r.timestamp(1)).isEqualTo(200);
        assertThat(r.userIndex(30)).isEqualTo(1);
        assertThat(r.userIndex(31)).isEqualTo(-1);
        assertThat(b.duplicatesReplaced()).isZero();
    }

    @Test
    void theLastOfDuplicatedRatingsWins() {
        Ratings.Builder b = Ratings.builder().add(1, 1, 2, 10).add(1, 2, 3, 10).add(1, 1, 5, 5);

        Ratings r = b.build();

        assertThat(r.size()).isEqualTo(2);
        assertThat(r.value(r.start(0))).isEqualTo(5f);
        assertThat(b.duplicatesReplaced()).isEqualTo(1);
    }

    @Test
    void aSelectionKeepsTheIndexesOfTheFullSet() {
        Ratings r = Ratings.builder()
                .add(1, 1, 1, 0)
                .add(1, 2, 2, 0)
                .add(2, 3, 3, 0)
                .build();

        Ratings firstOnly = r.select(new boolean[] {true, false, false});

        assertThat(firstOnly.size()).isEqualTo(1);
        assertThat(firstOnly.userCount()).isEqualTo(2);
        assertThat(firstOnly.itemCount()).isEqualTo(3);
        assertThat(firstOnly.end(1) - firstOnly.start(1)).isZero();
        assertThat(firstOnly.itemCounts()).containsExactly(1, 0, 0);
    }
}
