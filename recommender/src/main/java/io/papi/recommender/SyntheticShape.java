package io.papi.recommender;

import java.util.Arrays;

/**
 * The published statistics a synthetic data set is built to: how many users, items and ratings, the spread of
 * ratings per user and per item, and the share of each rating value. {@link #movieLens100k()} is MovieLens 100K's
 * (GroupLens' README and the data's own counts), which {@link SyntheticData#generate(long)} reproduces exactly.
 *
 * @param users              users
 * @param items              items
 * @param ratings            ratings in all
 * @param minPerUser         fewest ratings of a user
 * @param medianPerUser      median ratings per user
 * @param maxPerUser         most ratings of a user
 * @param itemsRatedOnce     items with exactly one rating (the fewest per item is 1 when this is above 0)
 * @param medianPerItem      median ratings per item
 * @param maxPerItem         most ratings of an item
 * @param ratingShares       share of the values 1 to 5 (five numbers summing to 1)
 */
public record SyntheticShape(
        int users,
        int items,
        int ratings,
        int minPerUser,
        int medianPerUser,
        int maxPerUser,
        int itemsRatedOnce,
        int medianPerItem,
        int maxPerItem,
        double[] ratingShares) {

    public SyntheticShape {
        if (users < 1 || items < 2 || ratings < 1) {
            throw new IllegalArgumentException("a shape needs users, at least two items and ratings");
        }
        if (!(minPerUser >= 1 && minPerUser <= medianPerUser && medianPerUser <= maxPerUser && maxPerUser <= items)) {
            throw new IllegalArgumentException("ratings per user must satisfy 1 <= min <= median <= max <= items, got "
                    + minPerUser + ", " + medianPerUser + ", " + maxPerUser);
        }
        if (!(itemsRatedOnce >= 0
                && itemsRatedOnce < items / 2
                && 2 <= medianPerItem
                && medianPerItem <= maxPerItem
                && maxPerItem <= users)) {
            throw new IllegalArgumentException(
                    "ratings per item must satisfy once < items/2, 2 <= median <= max <= users");
        }
        if ((long) users * minPerUser > ratings
                || (long) users * maxPerUser < ratings
                || (long) items * maxPerItem < ratings) {
            throw new IllegalArgumentException(ratings + " ratings cannot be spread over " + users + " users and "
                    + items + " items within the given bounds");
        }
        if (ratingShares.length != 5
                || Math.abs(Arrays.stream(ratingShares).sum() - 1) > 1e-9
                || Arrays.stream(ratingShares).anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("rating shares must be five non-negative numbers summing to 1");
        }
        ratingShares = ratingShares.clone();
    }

    /**
     * MovieLens 100K: 943 users, 1,682 items, 100,000 ratings; per user min 20, median 65, max 737; per item min 1,
     * median 27, max 583, 141 items rated once; ratings 1 to 5 in shares 6 / 11 / 27 / 34 / 21 %. Those rounded
     * shares sum to 99 %, so the exact ones are MovieLens' value counts (6,110 / 11,370 / 27,145 / 34,174 / 21,201),
     * which round to them.
     */
    public static SyntheticShape movieLens100k() {
        return new SyntheticShape(
                943, 1682, 100_000, 20, 65, 737, 141, 27, 583, new double[] {0.0611, 0.1137, 0.27145, 0.34174, 0.21201
                });
    }

    /**
     * A larger catalogue in MovieLens' proportions, for benchmarks: the same per-user floor and median, the same share
     * of items rated once, the per-item median and both maxima scaled with the mean ratings per item and per user.
     */
    public static SyntheticShape scaled(int users, int items, int ratings) {
        SyntheticShape ml = movieLens100k();
        double userMean = (double) ratings / users;
        double itemMean = (double) ratings / items;
        double mlUserMean = (double) ml.ratings / ml.users;
        double mlItemMean = (double) ml.ratings / ml.items;
        int maxPerUser = (int) Math.min(items, Math.round(ml.maxPerUser * userMean / mlUserMean));
        int medianPerUser = (int) Math.max(ml.minPerUser + 1, Math.round(ml.medianPerUser * userMean / mlUserMean));
        int maxPerItem = (int) Math.min(users, Math.round(ml.maxPerItem * itemMean / mlItemMean));
        int medianPerItem = (int) Math.max(2, Math.round(ml.medianPerItem * itemMean / mlItemMean));
        int once = (int) Math.round((double) ml.itemsRatedOnce * items / ml.items);
        return new SyntheticShape(
                users,
                items,
                ratings,
                ml.minPerUser,
                medianPerUser,
                maxPerUser,
                once,
                medianPerItem,
                maxPerItem,
                ml.ratingShares);
    }

    @Override
    public double[] ratingShares() {
        return ratingShares.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticShape s
                && users == s.users
                && items == s.items
                && ratings == s.ratings
                && minPerUser == s.minPerUser
                && medianPerUser == s.medianPerUser
                && maxPerUser == s.maxPerUser
                && itemsRatedOnce == s.itemsRatedOnce
                && medianPerItem == s.medianPerItem
                && maxPerItem == s.maxPerItem
                && Arrays.equals(ratingShares, s.ratingShares);
    }

    @Override
    public int hashCode() {
        return 31
                        * java.util.Objects.hash(
                                users,
                                items,
                                ratings,
                                minPerUser,
                                medianPerUser,
                                maxPerUser,
                                itemsRatedOnce,
                                medianPerItem,
                                maxPerItem)
                + Arrays.hashCode(ratingShares);
    }

    @Override
    public String toString() {
        return "SyntheticShape[users=" + users + ", items=" + items + ", ratings=" + ratings + ", per user "
                + minPerUser + "/" + medianPerUser + "/" + maxPerUser + ", per item once=" + itemsRatedOnce + " median "
                + medianPerItem + " max " + maxPerItem + ", shares=" + Arrays.toString(ratingShares) + "]";
    }
}
