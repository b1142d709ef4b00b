package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Item-based k-nearest-neighbours on binary interactions: the similarity of items i and j is the cosine of their
 * rater sets with shrinkage, |U_i ∩ U_j| / (√(|U_i|·|U_j|) + h), which damps similarities resting on few common
 * raters. Each target item j keeps its k most similar items (ties to the lower id); a user's score for j is the sum
 * of the similarities between j and the items they rated among those neighbours.
 *
 * <p>Sparse throughout, so it is papi's single-machine path past EASE's memory bound: co-occurrences of one target
 * item at a time (Σ_u |items of u|² additions in all), only the k neighbours kept, about 8·n·k bytes for the model.
 */
public final class ItemKnnModel implements Model {

    private final int n;
    private final int[] rowStart;   // by source item i: the targets j that keep i as a neighbour
    private final int[] targets;
    private final float[] weights;
    private final Ratings ratings;

    private ItemKnnModel(int n, int[] rowStart, int[] targets, float[] weights, Ratings ratings) {
        this.n = n;
        this.rowStart = rowStart;
        this.targets = targets;
        this.weights = weights;
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
        ItemUsers byItem = ItemUsers.of(r);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(byItem.start[i + 1] - byItem.start[i]);
        }
        int[][] nbrItem = new int[n][];
        float[][] nbrSim = new float[n][];
        progress.start("item neighbours", n);
        ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[n]);
        ThreadLocal<int[]> touchedList = ThreadLocal.withInitial(() -> new int[n]);
        ThreadLocal<float[]> sims = ThreadLocal.withInitial(() -> new float[n]);
        IntStream.range(0, n).parallel().forEach(j -> {
            int[] co = counts.get();
            int[] touched = touchedList.get();
            int t = 0;
            for (int a = byItem.start[j]; a < byItem.start[j + 1]; a++) {
                int u = byItem.users[a];
                for (int p = r.start(u); p < r.end(u); p++) {
                    int i = r.item(p);
                    if (co[i]++ == 0) {
                        touched[t++] = i;
                    }
                }
            }
            float[] sim = sims.get();
            for (int k = 0; k < t; k++) {
                int i = touched[k];
                sim[i] = i == j ? 0f : (float) (co[i] / (norm[i] * norm[j] + shrinkage));
            }
            int[] picked = pickTouched(sim, touched, t, neighbours);
            float[] s = new float[picked.length];
            for (int k = 0; k < picked.length; k++) {
                s[k] = sim[picked[k]];
            }
            for (int k = 0; k < t; k++) {
                co[touched[k]] = 0;
                sim[touched[k]] = 0f;
            }
            nbrItem[j] = picked;
            nbrSim[j] = s;
            progress.advance(1);
        });
        progress.done();
        // Transpose: the model is read by source item (the items a user rated).
        int[] start = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int i : nbrItem[j]) {
                start[i + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] targets = new int[start[n]];
        float[] weights = new float[start[n]];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < nbrItem[j].length; k++) {
                int at = fill[nbrItem[j][k]]++;
                targets[at] = j;
                weights[at] = nbrSim[j][k];
            }
        }
        return new ItemKnnModel(n, start, targets, weights, r);
    }

    /** The k best positive similarities among the touched items, ties to the lower item index. */
    private static int[] pickTouched(float[] sim, int[] touched, int t, int k) {
        Integer[] order = new Integer[t];
        int live = 0;
        for (int q = 0; q < t; q++) {
            if (sim[touched[q]] > 0) {
                order[live++] = touched[q];
            }
        }
        if (live <= k) {
            int[] all = new int[live];
            for (int q = 0; q < live; q++) {
                all[q] = order[q];
            }
            return all;
        }
        Arrays.sort(order, 0, live, (a, b) -> sim[a] != sim[b] ? Float.compare(sim[b], sim[a]) : Integer.compare(a, b));
        int[] out = new int[k];
        for (int q = 0; q < k; q++) {
            out[q] = order[q];
        }
        return out;
    }

    /** Similarity of i to target j after pruning (0 when i is not among j's neighbours). */
    public float similarity(int i, int j) {
        for (int a = rowStart[i]; a < rowStart[i + 1]; a++) {
            if (targets[a] == j) {
                return weights[a];
            }
        }
        return 0f;
    }

    /** Neighbour entries kept in all (at most k per item). */
    public int size() {
        return targets.length;
    }

    @Override
    public void score(int user, float[] out) {
        Arrays.fill(out, 0, n, 0f);
        for (int p = ratings.start(user); p < ratings.end(user); p++) {
            int i = ratings.item(p);
            for (int a = rowStart[i]; a < rowStart[i + 1]; a++) {
                out[targets[a]] += weights[a];
            }
        }
    }
}
