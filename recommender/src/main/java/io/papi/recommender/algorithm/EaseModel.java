package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): the item×item weights
 * B = I − P·diagMat(1/diag(P)) with P = (XᵀX + λI)⁻¹, so B_ij = −P_ij / P_jj and diag(B) = 0. X is the binary
 * interaction matrix; a user's scores are the sum of B's rows for the items they rated (x_u·B).
 *
 * <p>P comes from {@link EaseInverse}, which inverts the item Gram matrix or, with fewer users than items, the
 * user Gram matrix through the Woodbury identity. Memory while training: 20·n² bytes on the items route (two n×n
 * doubles and B in float), 8·(2m² + m·n + n²) + 4·n² on the users route; 4·n² after.
 */
public final class EaseModel implements Model {

    private final int n;
    private final float[] weights;
    private final Ratings ratings;

    private EaseModel(int n, float[] weights, Ratings ratings) {
        this.n = n;
        this.weights = weights;
        this.ratings = ratings;
    }

    /** Bytes EASE needs while training on {@code users} users and {@code items} items. */
    public static long trainingBytes(int users, int items) {
        return 8 * EaseInverse.peakDoubles(users, items) + 4L * items * items;
    }

    /** Why EASE cannot train on this many users and items within {@code heap} bytes, or null when it can. */
    public static String whyNot(int m, int n, long heap) {
        long need = trainingBytes(m, n);
        if ((long) n * n > Integer.MAX_VALUE - 16
                || (long) Math.min(m, n) * Math.max(m, n) > Integer.MAX_VALUE - 16
                || need > heap) {
            return String.format(
                    java.util.Locale.ROOT,
                    "EASE needs about %.1f GiB for %d users and %d items but the " + "heap allows %.1f GiB",
                    need / 1073741824.0,
                    m,
                    n,
                    heap / 1073741824.0);
        }
        return null;
    }

    public static EaseModel train(Ratings r, double lambda, ProgressListener progress) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("EASE lambda must be positive, got " + lambda);
        }
        int n = r.itemCount();
        String why = whyNot(r.userCount(), n, Runtime.getRuntime().maxMemory());
        if (why != null) {
            throw new IllegalArgumentException(
                    why + ": raise -Xmx, or use itemknn (or --in-warehouse) for large catalogues");
        }
        double[] p = EaseInverse.of(r, lambda, progress);
        float[] b = new float[n * n];
        double[] invDiag = new double[n];
        for (int j = 0; j < n; j++) {
            invDiag[j] = -1.0 / p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                b[row + j] = (float) (p[row + j] * invDiag[j]);
            }
            b[row + i] = 0f;
        }
        return new EaseModel(n, b, r);
    }

    /** B_ij, for tests and inspection. */
    public float weight(int i, int j) {
        return weights[i * n + j];
    }

    @Override
    public void score(int user, float[] out) {
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int p = ratings.start(user); p < ratings.end(user); p++) {
            int row = ratings.item(p) * n;
            for (int j = 0; j < n; j++) {
                out[j] += weights[row + j];
            }
        }
    }
}
