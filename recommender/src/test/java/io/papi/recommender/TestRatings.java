package io.papi.recommender;

/** Small hand-made rating sets for tests, written as a users × items pivot, and slices of the synthetic set. */
public final class TestRatings {

    private TestRatings() {}

    /**
     * Row {@code u} is user {@code u + 1}; column {@code i} is item {@code i + 1}; 0 means not rated. Every rating
     * has timestamp 0.
     */
    public static Ratings pivot(int[]... rows) {
        long[] items = new long[rows.length == 0 ? 0 : rows[0].length];
        for (int i = 0; i < items.length; i++) {
            items[i] = i + 1;
        }
        return pivot(items, rows);
    }

    /** As {@link #pivot(int[][])}, with column {@code i} being item {@code itemIds[i]}. */
    public static Ratings pivot(long[] itemIds, int[]... rows) {
        Ratings.Builder b = Ratings.builder();
        for (int u = 0; u < rows.length; u++) {
            if (rows[u].length != itemIds.length) {
                throw new IllegalArgumentException(
                        "pivot row " + (u + 1) + " has " + rows[u].length + " columns, expected " + itemIds.length);
            }
            for (int i = 0; i < itemIds.length; i++) {
                if (rows[u][i] != 0) {
                    b.add(u + 1, itemIds[i], rows[u][i], 0);
                }
            }
        }
        return b.build();
    }

    /** The synthetic set's first {@code users} users, with only their ratings of items 1..{@code maxItemId}. */
    public static Ratings syntheticSlice(int users, long maxItemId) {
        Ratings all = TestData.synthetic().ratings();
        Ratings.Builder b = Ratings.builder();
        for (int u = 0; u < users; u++) {
            for (int p = all.start(u); p < all.end(u); p++) {
                if (all.itemId(all.item(p)) <= maxItemId) {
                    b.add(all.userId(u), all.itemId(all.item(p)), all.value(p), all.timestamp(p));
                }
            }
        }
        return b.build();
    }
}
