package io.papi.recommender.synthetic;

/** The raw output of the generator: users 1..U, items 1..I, ratings grouped by user. */
public record SyntheticRatings(int users, int items, int[] userStart, int[] ratedItems, byte[] ratingValues,
                               long[] timestamps, String[] titles) {

    /** Generates; see {@link TasteGenerator} for the model. */
    public static SyntheticRatings generate(long seed, int users, int items, int total, int minPerUser) {
        TasteGenerator g = new TasteGenerator(seed, users, items, total, minPerUser);
        return new SyntheticRatings(g.users, g.items, g.userStart, g.ratedItems, g.ratingValues, g.timestamps, g.titles);
    }
}
