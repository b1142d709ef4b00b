package io.papi.recommender.algorithm;

import io.papi.recommender.Algorithm;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;

/** Trains the model of an {@link Algorithm}. */
public final class Models {

    /** Largest matrix side the default model inverts before item-kNN takes over (5,000³/2 ≈ 6·10¹⁰ multiply-adds). */
    public static final int QUICK_SIDE = 5_000;

    private Models() {}

    public static Model train(Ratings r, Algorithm algorithm, Parameters p, ProgressListener progress) {
        ProgressListener serialized = SerializedProgress.of(progress);
        return switch (algorithm) {
            case NOTEBOOK -> NotebookUserKnn.train(r, p.notebookNeighbours());
            case EDLAE ->
                DampedModel.of(
                        LinearAutoencoder.train(
                                r,
                                new LinearAutoencoder.Knobs(p.easeLambda(), p.denoising(), p.ratingAware()),
                                serialized),
                        r,
                        p.damping());
            case EASE -> EaseModel.train(r, p.easeLambda(), serialized);
            case ITEMKNN -> ItemKnnModel.train(r, p.knnNeighbours(), p.knnShrinkage(), serialized);
            case POPULAR -> PopularityModel.train(r);
        };
    }

    /**
     * Why an algorithm cannot be trained on this many users and items within {@code heap} bytes, in one line, or null
     * when it can. Only the EASE family holds dense item×item (or user×item) matrices; item-kNN is sparse.
     */
    public static String whyNot(Algorithm algorithm, int users, int items, long heap) {
        return switch (algorithm) {
            case EDLAE -> LinearAutoencoder.whyNot(users, items, heap);
            case EASE -> EaseModel.whyNot(users, items, heap);
            case ITEMKNN, NOTEBOOK, POPULAR -> null;
        };
    }

    /**
     * The top-n item indexes for a user, never an item the user rated in {@code r}.
     *
     * @param scores   scratch space of length {@code r.itemCount()}
     * @param excluded scratch space of length {@code r.itemCount()}, all false on entry and on return
     */
    public static int[] topItems(Model model, Ratings r, int user, int n, float[] scores, boolean[] excluded) {
        model.score(user, scores);
        for (int p = r.start(user); p < r.end(user); p++) {
            excluded[r.item(p)] = true;
        }
        try {
            return TopItems.select(scores, r.itemCount(), excluded, n, false);
        } finally {
            for (int p = r.start(user); p < r.end(user); p++) {
                excluded[r.item(p)] = false;
            }
        }
    }
}
