package io.papi.recommender.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.recommender.Dataset;

/** What the loaders' tests check of a file holding one good row: its user, its item and its rating, and no other. */
final class SingleRating {
    private SingleRating() {}

    static void assertLoaded(Dataset d, long user, long item, float rating) {
        assertThat(d.ratings().userIds()).containsExactly(user);
        assertThat(d.ratings().itemIds()).containsExactly(item);
        assertThat(d.ratings().value(0)).isEqualTo(rating);
    }
}
