package io.papi.recommender;

/**
 * The knobs of the algorithms, validated on construction. Defaults are the values documented in
 * docs/recommender.md with the sweeps that chose them; {@link Tuner} chooses them per data set instead.
 *
 * @param easeLambda         EASE's and EDLAE's L2 regularisation λ added to the diagonal of XᵀX (> 0)
 * @param knnNeighbours      item-kNN: similar items kept per target item (≥ 1)
 * @param knnShrinkage       item-kNN: h in |U_i ∩ U_j| / (√(|U_i||U_j|) + h) (≥ 0)
 * @param notebookNeighbours notebook: nearest users including the user itself (≥ 1; the guide uses 10)
 * @param denoising          EDLAE: α = p/(1 − p) for dropout p, adding α·(XᵀX)_jj to item j's regulariser (≥ 0)
 * @param damping            EDLAE: popularity damping β, scores divided by (1 + ratings of the item)^β (≥ 0)
 * @param ratingAware        EDLAE: the input is the rating over the mean rating instead of 1
 */
public record Parameters(
        double easeLambda,
        int knnNeighbours,
        double knnShrinkage,
        int notebookNeighbours,
        double denoising,
        double damping,
        boolean ratingAware) {

    public static final double DEFAULT_EASE_LAMBDA = 200;
    public static final int DEFAULT_KNN_NEIGHBOURS = 200;
    public static final double DEFAULT_KNN_SHRINKAGE = 0;
    public static final int NOTEBOOK_NEIGHBOURS = 10;
    /** EDLAE's α when not tuned (what --tune auto chose on the default synthetic data). */
    public static final double DEFAULT_DENOISING = 1;
    /** EDLAE's β when not tuned. */
    public static final double DEFAULT_DAMPING = 0.2;

    public static final boolean DEFAULT_RATING_AWARE = true;

    public Parameters {
        if (!(easeLambda > 0) || Double.isInfinite(easeLambda)) {
            throw new IllegalArgumentException("EASE lambda must be a positive number, got " + easeLambda);
        }
        if (knnNeighbours < 1) {
            throw new IllegalArgumentException("item-kNN neighbours must be at least 1, got " + knnNeighbours);
        }
        if (!(knnShrinkage >= 0) || Double.isInfinite(knnShrinkage)) {
            throw new IllegalArgumentException(
                    "item-kNN shrinkage must be zero or a positive number, got " + knnShrinkage);
        }
        if (notebookNeighbours < 1) {
            throw new IllegalArgumentException(
                    "notebook neighbours must be at least 1 (the user itself), got " + notebookNeighbours);
        }
        if (!(denoising >= 0) || Double.isInfinite(denoising)) {
            throw new IllegalArgumentException(
                    "the denoising weight must be zero or a positive number, got " + denoising);
        }
        if (!(damping >= 0 && damping <= 2)) {
            throw new IllegalArgumentException("popularity damping must be between 0 and 2, got " + damping);
        }
    }

    public static Parameters defaults() {
        return new Parameters(
                DEFAULT_EASE_LAMBDA,
                DEFAULT_KNN_NEIGHBOURS,
                DEFAULT_KNN_SHRINKAGE,
                NOTEBOOK_NEIGHBOURS,
                DEFAULT_DENOISING,
                DEFAULT_DAMPING,
                DEFAULT_RATING_AWARE);
    }

    public Parameters withEaseLambda(double lambda) {
        return new Parameters(lambda, knnNeighbours, knnShrinkage, notebookNeighbours, denoising, damping, ratingAware);
    }

    public Parameters withKnnNeighbours(int k) {
        return new Parameters(easeLambda, k, knnShrinkage, notebookNeighbours, denoising, damping, ratingAware);
    }

    public Parameters withKnnShrinkage(double h) {
        return new Parameters(easeLambda, knnNeighbours, h, notebookNeighbours, denoising, damping, ratingAware);
    }

    public Parameters withNotebookNeighbours(int k) {
        return new Parameters(easeLambda, knnNeighbours, knnShrinkage, k, denoising, damping, ratingAware);
    }

    public Parameters withDenoising(double alpha) {
        return new Parameters(easeLambda, knnNeighbours, knnShrinkage, notebookNeighbours, alpha, damping, ratingAware);
    }

    public Parameters withDamping(double beta) {
        return new Parameters(
                easeLambda, knnNeighbours, knnShrinkage, notebookNeighbours, denoising, beta, ratingAware);
    }

    public Parameters withRatingAware(boolean aware) {
        return new Parameters(easeLambda, knnNeighbours, knnShrinkage, notebookNeighbours, denoising, damping, aware);
    }
}
