package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;

import java.util.stream.IntStream;

/**
 * Item-based k-nearest-neighbours on binary interactions: the similarity of items i and j is the cosine of their
 * rater sets with shrinkage, |U_i ∩ U_j| / (√(|U_i|·|U_j|) + h), which damps similarities resting on few common
 * raters. Each target item j keeps its k most similar items (ties to the lower id); a user's score for j is the sum
 * of the similarities between j and the items they rated among those neighbours.
 */
public final class ItemKnnModel implements Model {

    private final int n;
    private final float[] similarity; // row i, column j: contribution of having rated i to the score of j
    private final Ratings ratings;

    private ItemKnnModel(int n, float[] similarity, Ratings ratings) {
        this.n = n;
        this.similarity = similarity;
        this.ratings = ratings;
    }

    public static ItemKnnModel train(Ratings r, int neighbours, double shrinkage, ProgressListener progress) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("item-kNN neighbours must be at least 1, got " + neighbours);
        }
        if (!(shrinkage >= 0)) {
            throw new IllegalArgumentException("item-kNN shrinkage must be zero or more, got " + shrinkage);
        }
        int n = r.itemCount();
        if ((long) n * n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(n + " items are too many for the in-memory item-kNN: "
                    + "run sql/recommender/itemknn.sql in the warehouse instead");
        }
        double[] g = GramMatrix.binary(r, progress);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(g[i * n + i]);
        }
        float[] s = new float[n * n];
        progress.start("item neighbours", n);
        ThreadLocal<float[]> rows = ThreadLocal.withInitial(() -> new float[n]);
        IntStream.range(0, n).parallel().forEach(j -> {
            float[] sim = rows.get();
            int rj = j * n;
            for (int i = 0; i < n; i++) {
                double co = g[rj + i]; // symmetric: |U_j ∩ U_i|
                sim[i] = i == j || co == 0 ? 0f : (float) (co / (norm[i] * norm[j] + shrinkage));
            }
            for (int i : TopItems.select(sim, n, null, neighbours, true)) {
                s[i * n + j] = sim[i]; // only task j writes column j
            }
            progress.advance(1);
        });
        progress.done();
        return new ItemKnnModel(n, s, r);
    }

    /** Similarity of i to target j after pruning (0 when i is not among j's neighbours). */
    public float similarity(int i, int j) {
        return similarity[i * n + j];
    }

    @Override
    public void score(int user, float[] out) {
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int p = ratings.start(user); p < ratings.end(user); p++) {
            int row = ratings.item(p) * n;
            for (int j = 0; j < n; j++) {
                out[j] += similarity[row + j];
            }
        }
    }
}
