package io.papi.recommender.synthetic;

import io.papi.recommender.SyntheticShape;

/** The raw output of the generator: users 1..U, items 1..I, ratings grouped by user. */
public record SyntheticRatings(
        int users,
        int items,
        int[] userStart,
        int[] ratedItems,
        byte[] ratingValues,
        long[] timestamps,
        String[] titles,
        int swaps) {

    /** Generates; see {@link TasteGenerator} for the model. */
    public static SyntheticRatings generate(long seed, SyntheticShape shape) {
        TasteGenerator g = new TasteGenerator(seed, shape);
        return new SyntheticRatings(
                g.users, g.items, g.userStart, g.ratedItems, g.ratingValues, g.timestamps, g.titles, g.swaps);
    }
}
