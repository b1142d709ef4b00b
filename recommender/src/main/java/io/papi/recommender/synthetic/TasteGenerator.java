package io.papi.recommender.synthetic;

import io.papi.recommender.SyntheticShape;
import java.util.Arrays;
import java.util.Random;

/**
 * Generates ratings with a given {@link SyntheticShape} from a small latent model, so that personalised models have
 * structure to find and the published statistics hold exactly.
 *
 * <ul>
 *   <li>How many ratings each user gives and each item gets are fixed first ({@link DegreeSequence}: exact
 *       minimum, median, maximum, items rated once and total), then shuffled over users and items.</li>
 *   <li>Items belong to one or two of {@value #GENRES} latent genres; users like one to three. Users, heaviest
 *       first, pick their items without replacement with probability ∝ (ratings the item still has to get) ×
 *       exp(β·affinity) (Efraimidis–Spirakis sampling), so what a user rated reveals their taste and popular items
 *       stay popular. When the last users find too few items left, swaps with earlier users complete them, so every
 *       count is met.</li>
 *   <li>A rating's latent value is item quality (leaning with popularity) + user bias + taste affinity + noise; the
 *       values are then cut at the quantiles of the shape's rating shares, so those shares hold exactly.</li>
 * </ul>
 *
 * <p>Only {@link Random} (whose algorithm Java specifies) and {@link StrictMath} are used, so a seed yields the same
 * ratings on every JVM and platform.
 */
final class TasteGenerator {

    static final int GENRES = 18;
    /**
     * Strength of taste in item choice: with it, under the 75/25 evaluation personalised models are clearly ahead of
     * popularity, as on MovieLens (see docs/recommender.md).
     */
    private static final double TASTE = 4.0;
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
    /** Ratings traded between users to complete the last users' counts (a measure of how well the sampling fits). */
    final int swaps;

    TasteGenerator(long seed, SyntheticShape shape) {
        this.users = shape.users();
        this.items = shape.items();
        int total = shape.ratings();
        Random random = new Random(seed);

        int[] perItem = shuffled(
                DegreeSequence.of(
                        items,
                        total,
                        shape.itemsRatedOnce(),
                        shape.itemsRatedOnce() > 0 ? 1 : 2,
                        shape.medianPerItem(),
                        shape.maxPerItem()),
                random);
        int[] perUser = shuffled(
                DegreeSequence.of(users, total, 0, shape.minPerUser(), shape.medianPerUser(), shape.maxPerUser()),
                random);

        // Items: one or two genres, a quality that leans with popularity.
        double[] quality = new double[items];
        int[] genre1 = new int[items];
        int[] genre2 = new int[items];
        double logMax = StrictMath.log(shape.maxPerItem());
        for (int i = 0; i < items; i++) {
            genre1[i] = random.nextInt(GENRES);
            genre2[i] = random.nextInt(3) == 0 ? random.nextInt(GENRES) : -1;
            quality[i] = 0.45 * (2.0 * StrictMath.log(perItem[i]) / logMax - 1.0) + 0.45 * random.nextGaussian();
        }
        this.titles = new String[items];
        TitleMaker titleMaker = new TitleMaker(random);
        for (int i = 0; i < items; i++) {
            titles[i] = titleMaker.next();
        }

        // Users: taste over genres, a bias.
        double[][] taste = new double[users][GENRES];
        double[] bias = new double[users];
        for (int u = 0; u < users; u++) {
            int liked = 1 + random.nextInt(3);
            for (int k = 0; k < liked; k++) {
                taste[u][random.nextInt(GENRES)] += 1.0 / (k + 1);
            }
            bias[u] = 0.4 * random.nextGaussian();
        }

        int[][] picked = new int[users][];
        int[] remaining = perItem.clone();
        // Heaviest users first, while most items still have ratings to give; equal counts in random order.
        int[] order = Arrays.stream(shuffled(identity(users), random))
                .boxed()
                .sorted((a, b) -> Integer.compare(perUser[b], perUser[a]))
                .mapToInt(Integer::intValue)
                .toArray();
        double[] boost = new double[GENRES * (GENRES + 1)];
        int usersLeft = users;
        for (int u : order) {
            // Affinity depends only on an item's genres: one exp per genre pair instead of one per item.
            for (int g1 = 0; g1 < GENRES; g1++) {
                for (int g2 = -1; g2 < GENRES; g2++) {
                    boost[g1 * (GENRES + 1) + g2 + 1] = StrictMath.exp(TASTE * affinity(taste[u], g1, g2));
                }
            }
            picked[u] = pick(perUser[u], remaining, usersLeft--, genre1, genre2, boost, random);
        }
        this.swaps = complete(picked, perUser, remaining);

        this.userStart = new int[users + 1];
        for (int u = 0; u < users; u++) {
            userStart[u + 1] = userStart[u] + perUser[u];
        }
        this.ratedItems = new int[total];
        this.timestamps = new long[total];
        double[] latent = new double[total];
        for (int u = 0; u < users; u++) {
            long start = EPOCH_START + (long) (random.nextDouble() * YEAR);
            for (int k = 0; k < perUser[u]; k++) {
                int i = picked[u][k];
                int at = userStart[u] + k;
                ratedItems[at] = i;
                latent[at] = quality[i]
                        + bias[u]
                        + 0.9 * affinity(taste[u], genre1[i], genre2[i])
                        + 0.75 * random.nextGaussian();
                timestamps[at] = start + (long) (random.nextDouble() * MONTH);
            }
        }
        this.ratingValues = cut(latent, shape.ratingShares());
    }

    /**
     * A weighted sample of n items without replacement: the n smallest Efraimidis–Spirakis keys −ln(U)/w, ascending
     * by item. The weight is the taste boost times the odds r/(L − r) of an item that still needs r ratings from the
     * L users left, so items that must be rated by nearly everyone left are picked first and the last users are
     * rarely left short. Fewer than n when fewer items have ratings left to give.
     */
    private static int[] pick(
            int n, int[] remaining, int usersLeft, int[] genre1, int[] genre2, double[] boost, Random random) {
        int items = remaining.length;
        // A bounded max-heap of the n smallest keys seen so far.
        double[] heapKey = new double[n];
        int[] heapItem = new int[n];
        int size = 0;
        for (int i = 0; i < items; i++) {
            double u = random.nextDouble();
            if (remaining[i] == 0) {
                continue;
            }
            double key = remaining[i] >= usersLeft
                    ? -1.0 / (1.0 + u)
                    : -StrictMath.log(1.0 - u)
                            * (usersLeft - remaining[i])
                            / (remaining[i] * boost[genre1[i] * (GENRES + 1) + genre2[i] + 1]);
            if (size < n) {
                heapKey[size] = key;
                heapItem[size] = i;
                siftUp(heapKey, heapItem, size++);
            } else if (key < heapKey[0]) {
                heapKey[0] = key;
                heapItem[0] = i;
                siftDown(heapKey, heapItem, size);
            }
        }
        int[] chosen = Arrays.copyOf(heapItem, size);
        Arrays.sort(chosen);
        for (int i : chosen) {
            remaining[i]--;
        }
        return chosen;
    }

    /**
     * Gives users who found too few items the ratings still owed, so that every user and item count is met: an item
     * the user lacks goes straight to them; otherwise an earlier user who lacks the item trades it for one of theirs
     * that the short user lacks.
     *
     * @return the number of trades
     */
    private static int complete(int[][] picked, int[] perUser, int[] remaining) {
        int trades = 0;
        for (int u = 0; u < picked.length; u++) {
            while (picked[u].length < perUser[u]) {
                int item = -1;
                for (int i = 0; i < remaining.length && item < 0; i++) {
                    if (remaining[i] > 0 && Arrays.binarySearch(picked[u], i) < 0) {
                        item = i;
                    }
                }
                if (item >= 0) {
                    picked[u] = with(picked[u], item);
                    remaining[item]--;
                    continue;
                }
                if (!trade(picked, u, remaining)) {
                    throw new IllegalStateException("cannot complete user " + u + "'s ratings");
                }
                trades++;
            }
        }
        return trades;
    }

    private static boolean trade(int[][] picked, int short_, int[] remaining) {
        for (int i = 0; i < remaining.length; i++) {
            if (remaining[i] == 0) {
                continue;
            }
            for (int v = 0; v < picked.length; v++) {
                if (v == short_ || Arrays.binarySearch(picked[v], i) >= 0) {
                    continue;
                }
                for (int j : picked[v]) {
                    if (Arrays.binarySearch(picked[short_], j) < 0) {
                        picked[v] = with(without(picked[v], j), i);
                        picked[short_] = with(picked[short_], j);
                        remaining[i]--;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int[] with(int[] sorted, int item) {
        int[] out = Arrays.copyOf(sorted, sorted.length + 1);
        out[sorted.length] = item;
        Arrays.sort(out);
        return out;
    }

    private static int[] without(int[] sorted, int item) {
        int at = Arrays.binarySearch(sorted, item);
        int[] out = new int[sorted.length - 1];
        System.arraycopy(sorted, 0, out, 0, at);
        System.arraycopy(sorted, at + 1, out, at, sorted.length - at - 1);
        return out;
    }

    /** Ratings 1..5 from latent values: the lowest share[0] of them become 1, the next share[1] 2, and so on. */
    private static byte[] cut(double[] latent, double[] shares) {
        int total = latent.length;
        Integer[] order = new Integer[total];
        for (int p = 0; p < total; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> Double.compare(latent[a], latent[b]));
        byte[] values = new byte[total];
        int from = 0;
        double cumulative = 0;
        for (int v = 1; v <= 5; v++) {
            cumulative += shares[v - 1];
            int to = v == 5 ? total : (int) StrictMath.rint(cumulative * total);
            for (int k = from; k < to; k++) {
                values[order[k]] = (byte) v;
            }
            from = to;
        }
        return values;
    }

    private static double affinity(double[] taste, int g1, int g2) {
        return g2 < 0 ? taste[g1] : 0.7 * taste[g1] + 0.5 * taste[g2];
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher–Yates, in place; returns its argument. */
    private static int[] shuffled(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static void siftUp(double[] key, int[] item, int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (key[k] <= key[parent]) {
                return;
            }
            swap(key, item, k, parent);
            k = parent;
        }
    }

    private static void siftDown(double[] key, int[] item, int size) {
        int k = 0;
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) {
                return;
            }
            int largest = l + 1 < size && key[l + 1] > key[l] ? l + 1 : l;
            if (key[largest] <= key[k]) {
                return;
            }
            swap(key, item, k, largest);
            k = largest;
        }
    }

    private static void swap(double[] key, int[] item, int a, int b) {
        double t = key[a];
        key[a] = key[b];
        key[b] = t;
        int i = item[a];
        item[a] = item[b];
        item[b] = i;
    }
}
