package io.papi.recommender;

/**
 * The knobs of the algorithms, validated on construction. Defaults are the values documented in
 * docs/recommender.md with the sweeps that chose them.
 *
 * @param easeLambda         EASE's L2 regularisation λ added to the diagonal of XᵀX (> 0)
 * @param knnNeighbours      item-kNN: similar items kept per target item (≥ 1)
 * @param knnShrinkage       item-kNN: h in |U_i ∩ U_j| / (√(|U_i||U_j|) + h) (≥ 0)
 * @param notebookNeighbours notebook: nearest users including the user itself (≥ 1; the guide uses 10)
 */
public record Parameters(double easeLambda, int knnNeighbours, double knnShrinkage, int notebookNeighbours) {

    public static final double DEFAULT_EASE_LAMBDA = 200;
    public static final int DEFAULT_KNN_NEIGHBOURS = 200;
    public static final double DEFAULT_KNN_SHRINKAGE = 0;
    public static final int NOTEBOOK_NEIGHBOURS = 10;

    public Parameters {
        if (!(easeLambda > 0) || Double.isInfinite(easeLambda)) {
            throw new IllegalArgumentException("EASE lambda must be a positive number, got " + easeLambda);
        }
        if (knnNeighbours < 1) {
            throw new IllegalArgumentException("item-kNN neighbours must be at least 1, got " + knnNeighbours);
        }
        if (!(knnShrinkage >= 0) || Double.isInfinite(knnShrinkage)) {
            throw new IllegalArgumentException("item-kNN shrinkage must be zero or a positive number, got " + knnShrinkage);
        }
        if (notebookNeighbours < 1) {
            throw new IllegalArgumentException("notebook neighbours must be at least 1 (the user itself), got " + notebookNeighbours);
        }
    }

    public static Parameters defaults() {
        return new Parameters(DEFAULT_EASE_LAMBDA, DEFAULT_KNN_NEIGHBOURS, DEFAULT_KNN_SHRINKAGE, NOTEBOOK_NEIGHBOURS);
    }

    public Parameters withEaseLambda(double lambda) {
        return new Parameters(lambda, knnNeighbours, knnShrinkage, notebookNeighbours);
    }

    public Parameters withKnnNeighbours(int k) {
        return new Parameters(easeLambda, k, knnShrinkage, notebookNeighbours);
    }

    public Parameters withKnnShrinkage(double h) {
        return new Parameters(easeLambda, knnNeighbours, h, notebookNeighbours);
    }

    public Parameters withNotebookNeighbours(int k) {
        return new Parameters(easeLambda, knnNeighbours, knnShrinkage, k);
    }
}
