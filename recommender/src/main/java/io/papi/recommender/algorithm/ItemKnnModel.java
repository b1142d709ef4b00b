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
    private final int[] rowStart; // by source item i: the targets j that keep i as a neighbour
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
        return neighbours(r, neighbours, shrinkage, progress).model(neighbours);
    }

    /**
     * Each target item's most similar items, best first, up to {@code most}: a model for any k up to {@code most}
     * is a prefix ({@link Neighbours#model}), so tuning k needs one pass over the co-occurrences per shrinkage.
     */
    public static Neighbours neighbours(Ratings r, int most, double shrinkage, ProgressListener progress) {
        if (most < 1) {
            throw new IllegalArgumentException("item-kNN neighbours must be at least 1, got " + most);
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
            int[] picked = best(sim, touched, t, most);
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
        return new Neighbours(r, nbrItem, nbrSim);
    }

    /** Per target item, its most similar items best first (ties to the lower index), with their similarities. */
    public static final class Neighbours {
        private final Ratings ratings;
        private final int[][] items;
        private final float[][] sims;

        private Neighbours(Ratings ratings, int[][] items, float[][] sims) {
            this.ratings = ratings;
            this.items = items;
            this.sims = sims;
        }

        /** The model keeping the first k neighbours of each target. */
        public ItemKnnModel model(int k) {
            int n = items.length;
            int[] start = new int[n + 1];
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < Math.min(k, items[j].length); q++) {
                    start[items[j][q] + 1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            // Transposed: the model is read by source item (the items a user rated).
            int[] fill = Arrays.copyOf(start, n);
            int[] targets = new int[start[n]];
            float[] weights = new float[start[n]];
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < Math.min(k, items[j].length); q++) {
                    int at = fill[items[j][q]]++;
                    targets[at] = j;
                    weights[at] = sims[j][q];
                }
            }
            return new ItemKnnModel(n, start, targets, weights, ratings);
        }
    }

    /** The k best positive similarities among the touched items, best first, ties to the lower item index. */
    private static int[] best(float[] sim, int[] touched, int t, int k) {
        float[] heapSim = new float[k];
        int[] heapItem = new int[k];
        int size = 0;
        for (int q = 0; q < t; q++) {
            int i = touched[q];
            float s = sim[i];
            if (!(s > 0)) {
                continue;
            }
            if (size < k) {
                heapSim[size] = s;
                heapItem[size] = i;
                WorstFirstHeap.siftUp(heapSim, heapItem, size++);
            } else if (WorstFirstHeap.worse(heapSim[0], heapItem[0], s, i)) {
                heapSim[0] = s;
                heapItem[0] = i;
                WorstFirstHeap.siftDown(heapSim, heapItem, size);
            }
        }
        int[] out = new int[size];
        for (int q = size - 1; q >= 0; q--) { // pop the worst first
            out[q] = heapItem[0];
            heapSim[0] = heapSim[q];
            heapItem[0] = heapItem[q];
            WorstFirstHeap.siftDown(heapSim, heapItem, q);
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
