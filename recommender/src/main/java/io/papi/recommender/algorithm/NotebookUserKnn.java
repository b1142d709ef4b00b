package io.papi.recommender.algorithm;

import io.papi.recommender.Ratings;
import java.util.Arrays;

/**
 * The guide's notebook, ported exactly: ratings pivoted to a user×item matrix with 0 for a missing rating; for each
 * user the {@code k} nearest users by cosine distance (scikit-learn {@code NearestNeighbors(metric="cosine",
 * algorithm="brute", n_neighbors=10)}); every item scores the plain sum of those neighbours' ratings.
 *
 * <p>The user itself is among its own k neighbours, as in the notebook, where {@code kneighbors} is asked about rows
 * of the matrix it was fitted on: its distance is 0. It is placed first (its own rated items are excluded anyway,
 * so in effect k−1 other users vote). Distance ties are broken by the lower user index, which is the lower user id
 * (pandas' pivot sorts its index), as a stable sort by distance does. scikit-learn's brute search selects with
 * {@code argpartition} and orders with a non-stable {@code argsort}, so on an exact tie at the k-th place it may pick
 * either user; this port always picks the lower id. A user without ratings has distance 1 to everyone, as
 * scikit-learn gives for a zero row.
 */
public final class NotebookUserKnn implements Model {

    private final Ratings ratings;
    private final ItemUsers byItem;
    private final double[] norms;
    private final int k;
    private final ThreadLocal<double[]> dots;

    private NotebookUserKnn(Ratings ratings, int k) {
        this.ratings = ratings;
        this.byItem = ItemUsers.of(ratings);
        this.k = k;
        this.norms = new double[ratings.userCount()];
        for (int u = 0; u < norms.length; u++) {
            double s = 0;
            for (int p = ratings.start(u); p < ratings.end(u); p++) {
                s += (double) ratings.value(p) * ratings.value(p);
            }
            norms[u] = Math.sqrt(s);
        }
        this.dots = ThreadLocal.withInitial(() -> new double[ratings.userCount()]);
    }

    public static NotebookUserKnn train(Ratings r, int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException(
                    "notebook neighbours must be at least 1 (the user itself), got " + neighbours);
        }
        return new NotebookUserKnn(r, neighbours);
    }

    /** The user's neighbours, nearest first, the user itself at position 0. */
    public int[] neighbours(int user) {
        int users = ratings.userCount();
        double[] dot = dots.get();
        Arrays.fill(dot, 0);
        for (int p = ratings.start(user); p < ratings.end(user); p++) {
            int item = ratings.item(p);
            double r = ratings.value(p);
            for (int q = byItem.start[item]; q < byItem.start[item + 1]; q++) {
                dot[byItem.users[q]] += r * byItem.values[q];
            }
        }
        int want = Math.min(k, users);
        int[] best = new int[want];
        double[] bestDist = new double[want];
        best[0] = user;
        bestDist[0] = 0;
        int size = 1;
        for (int v = 0; v < users; v++) {
            if (v == user) {
                continue;
            }
            double denom = norms[user] * norms[v];
            double d = denom == 0 ? 1.0 : 1.0 - dot[v] / denom;
            // v ascends, so an equal distance never displaces an earlier (lower-id) user.
            if (size < want) {
                insert(best, bestDist, size++, v, d);
            } else if (want > 1 && d < bestDist[want - 1]) {
                insert(best, bestDist, want - 1, v, d);
            }
        }
        return best;
    }

    /**
     * Puts user {@code v} at distance {@code d} into the sorted neighbour list, in place of slot {@code at} or
     * earlier; slot 0 (the user) never moves.
     */
    private static void insert(int[] best, double[] bestDist, int at, int v, double d) {
        while (at > 1 && bestDist[at - 1] > d) {
            best[at] = best[at - 1];
            bestDist[at] = bestDist[at - 1];
            at--;
        }
        best[at] = v;
        bestDist[at] = d;
    }

    @Override
    public void score(int user, float[] out) {
        Arrays.fill(out, 0, ratings.itemCount(), 0f);
        for (int v : neighbours(user)) {
            for (int p = ratings.start(v); p < ratings.end(v); p++) {
                out[ratings.item(p)] += ratings.value(p);
            }
        }
    }
}
