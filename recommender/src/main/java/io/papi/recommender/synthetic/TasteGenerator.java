package io.papi.recommender.synthetic;

import java.util.Random;

/**
 * Generates MovieLens-shaped ratings from a small latent model, so that personalised models have structure to find.
 *
 * <ul>
 *   <li>Items have a long-tailed base popularity (a power law in a random rank) and belong to one or two of
 *       {@value #GENRES} latent genres.</li>
 *   <li>Users like one to three genres. A user picks items without replacement with probability proportional to
 *       popularity × exp(β·affinity) (Efraimidis–Spirakis sampling), so what they rated reveals their taste.</li>
 *   <li>How many items a user rates is long-tailed (at least {@code minPerUser}), scaled to the exact total.</li>
 *   <li>A rating is 3.5 plus item quality, user bias, taste affinity and noise, rounded and clamped to 1..5.</li>
 * </ul>
 *
 * <p>Only {@link Random} (whose algorithm Java specifies) and {@link StrictMath} are used, so a seed yields the same
 * ratings on every JVM and platform.
 */
final class TasteGenerator {

    static final int GENRES = 18;
    /** Exponent of the popularity power law over ranks. */
    private static final double POPULARITY_EXPONENT = 1.5;
    /** Rank offset of the power law; keeps the head from being a single giant item. */
    private static final double POPULARITY_OFFSET = 20;
    /**
     * Strength of taste in item choice. Chosen (with the two above and ACTIVITY_SIGMA) so the data resembles
     * MovieLens 100K: median 65 ratings per user, item counts from a handful to ~650, and under the 75/25
     * evaluation personalised models clearly ahead of popularity (see docs/recommender.md).
     */
    private static final double TASTE = 4.0;
    /** Spread (log-normal sigma) of user activity above the minimum. */
    private static final double ACTIVITY_SIGMA = 1.2;
    /** Epoch second of 2024-01-01T00:00:00Z; users become active during the following year. */
    private static final long EPOCH_START = 1_704_067_200L;
    private static final long YEAR = 365L * 24 * 3600;
    private static final long MONTH = 30L * 24 * 3600;

    final int users;
    final int items;
    final int[] userStart;
    final int[] ratedItems;
    final byte[] ratingValues;
    final long[] timestamps;
    final String[] titles;

    TasteGenerator(long seed, int users, int items, int total, int minPerUser) {
        if ((long) users * minPerUser > total) {
            throw new IllegalArgumentException(users + " users with " + minPerUser + " ratings each exceed " + total);
        }
        this.users = users;
        this.items = items;
        Random random = new Random(seed);

        // Items: popularity by random rank, one or two genres, a quality that leans with popularity.
        int[] rank = permutation(items, random);
        double[] popularity = new double[items];
        double[] quality = new double[items];
        int[] genre1 = new int[items];
        int[] genre2 = new int[items];
        for (int i = 0; i < items; i++) {
            popularity[i] = StrictMath.pow(rank[i] + POPULARITY_OFFSET, -POPULARITY_EXPONENT);
            genre1[i] = random.nextInt(GENRES);
            genre2[i] = random.nextInt(3) == 0 ? random.nextInt(GENRES) : -1;
            quality[i] = 0.45 * (1.0 - 2.0 * rank[i] / items) + 0.45 * random.nextGaussian();
        }
        this.titles = new String[items];
        TitleMaker titleMaker = new TitleMaker(random);
        for (int i = 0; i < items; i++) {
            titles[i] = titleMaker.next();
        }

        // Users: taste over genres, a bias, an activity level.
        double[][] taste = new double[users][GENRES];
        double[] bias = new double[users];
        for (int u = 0; u < users; u++) {
            int liked = 1 + random.nextInt(3);
            for (int k = 0; k < liked; k++) {
                taste[u][random.nextInt(GENRES)] += 1.0 / (k + 1);
            }
            bias[u] = 0.4 * random.nextGaussian();
        }
        int[] count = activity(random, users, items, total, minPerUser);

        this.userStart = new int[users + 1];
        for (int u = 0; u < users; u++) {
            userStart[u + 1] = userStart[u] + count[u];
        }
        this.ratedItems = new int[total];
        this.ratingValues = new byte[total];
        this.timestamps = new long[total];
        double[] key = new double[items];
        for (int u = 0; u < users; u++) {
            // Affinity depends only on an item's genres: one exp per genre pair instead of one per item.
            double[] boost = new double[GENRES * (GENRES + 1)];
            for (int g1 = 0; g1 < GENRES; g1++) {
                for (int g2 = -1; g2 < GENRES; g2++) {
                    boost[g1 * (GENRES + 1) + g2 + 1] = StrictMath.exp(TASTE * affinity(taste[u], g1, g2));
                }
            }
            for (int i = 0; i < items; i++) {
                double weight = popularity[i] * boost[genre1[i] * (GENRES + 1) + genre2[i] + 1];
                // Efraimidis–Spirakis: the n smallest -ln(U)/w are a weighted sample without replacement.
                key[i] = -StrictMath.log(1.0 - random.nextDouble()) / weight;
            }
            int n = count[u];
            int[] picked = smallest(key, n);
            long start = EPOCH_START + (long) (random.nextDouble() * YEAR);
            for (int k = 0; k < n; k++) {
                int i = picked[k];
                double a = affinity(taste[u], genre1[i], genre2[i]);
                double r = 3.5 + quality[i] + bias[u] + 0.9 * (a - 0.3) + 0.75 * random.nextGaussian();
                int at = userStart[u] + k;
                ratedItems[at] = i;
                ratingValues[at] = (byte) Math.max(1, Math.min(5, StrictMath.round(r)));
                timestamps[at] = start + (long) (random.nextDouble() * MONTH);
            }
        }
    }

    private static double affinity(double[] taste, int g1, int g2) {
        return g2 < 0 ? taste[g1] : 0.7 * taste[g1] + 0.5 * taste[g2];
    }

    /** Ratings per user: the minimum plus a log-normal share of the rest, summing exactly to {@code total}. */
    private static int[] activity(Random random, int users, int items, int total, int minPerUser) {
        double[] share = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            share[u] = StrictMath.exp(ACTIVITY_SIGMA * random.nextGaussian());
            sum += share[u];
        }
        int cap = items / 2;
        int[] count = new int[users];
        int extra = total - users * minPerUser;
        int assigned = 0;
        for (int u = 0; u < users; u++) {
            count[u] = Math.min(cap, minPerUser + (int) (extra * share[u] / sum));
            assigned += count[u];
        }
        // Hand out what flooring and the cap left over, one rating at a time, in user order.
        for (int u = 0; assigned < total; u = (u + 1) % users) {
            if (count[u] < cap) {
                count[u]++;
                assigned++;
            }
        }
        return count;
    }

    private static int[] permutation(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Indexes of the n smallest keys, ascending by index. */
    private static int[] smallest(double[] key, int n) {
        double[] sorted = key.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[n - 1];
        int[] picked = new int[n];
        int w = 0;
        for (int i = 0; i < key.length && w < n; i++) {
            if (key[i] <= threshold) {
                picked[w++] = i;
            }
        }
        return picked;
    }
}
