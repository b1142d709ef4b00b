package io.papi.recommender;

import java.util.Random;

/**
 * Splits each user's ratings at random: a shuffled {@code floor(fraction × n)} go to training, the rest are held
 * out. One {@link Random} seeded once walks the users in ascending id, so a seed always gives the same split.
 * Training and held-out sets share the full set's user and item indexes.
 */
public record RandomSplit(Ratings train, Ratings test) {

    public static RandomSplit perUser(Ratings ratings, long seed, double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("training fraction must be between 0 and 1, got " + trainFraction);
        }
        Random random = new Random(seed);
        boolean[] inTrain = new boolean[ratings.size()];
        for (int u = 0; u < ratings.userCount(); u++) {
            int start = ratings.start(u);
            int n = ratings.end(u) - start;
            int[] order = new int[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            int keep = (int) Math.floor(trainFraction * n);
            for (int k = 0; k < keep; k++) {
                inTrain[start + order[k]] = true;
            }
        }
        boolean[] inTest = new boolean[inTrain.length];
        for (int p = 0; p < inTrain.length; p++) {
            inTest[p] = !inTrain[p];
        }
        return new RandomSplit(ratings.select(inTrain), ratings.select(inTest));
    }
}
