package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * EASE with emphasized denoising (EDLAE; Steck, "Autoencoders that don't overfit towards the identity", NeurIPS
 * 2020): the item×item weights B = I − P·diagMat(1/diag(P)) with P = (XᵀX + Λ)⁻¹, where the diagonal regulariser is
 * Λ_jj = λ + α·(XᵀX)_jj. α = p/(1 − p) comes from dropout with probability p; α = 0 is plain EASE (Steck 2019).
 * X is binary, or with {@code ratingAware} each entry is the rating over the mean rating, so a 5 counts more than a 1.
 *
 * <p>Only the scores of unrated items matter, and those are S_uj = −(XP)_uj / P_jj. With fewer users (m) than items
 * (n), the push-through identity X(Λ + XᵀX)⁻¹ = (I + XΛ⁻¹Xᵀ)⁻¹XΛ⁻¹ gives XP from an m×m inverse, and
 * diag(P)_j = 1/Λ_j − x_jᵀ(I + XΛ⁻¹Xᵀ)⁻¹x_j / Λ_j² (Woodbury), so the model is the m×n score table itself: about
 * m³/2 + m·nnz multiply-adds and 8·(2m² + m·n) bytes. Otherwise P is the n×n inverse (n³/2, 20·n² bytes) and the
 * model keeps B in floats.
 */
public final class LinearAutoencoder implements Model {

    /** The knobs: λ (> 0), α (≥ 0), and whether rating values weight the input. */
    public record Knobs(double lambda, double alpha, boolean ratingAware) {
        public Knobs {
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
            }
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("the denoising weight must be zero or positive, got " + alpha);
            }
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "lambda=%s alpha=%s%s",
                    Format.knob(lambda),
                    Format.knob(alpha),
                    ratingAware ? " rating-aware" : "");
        }
    }

    private final int n;
    private final float[] table; // users route: m×n scores; items route: n×n weights B
    private final boolean byUsers;
    private final Ratings ratings;
    private final float[] input;

    private LinearAutoencoder(int n, float[] table, boolean byUsers, Ratings ratings, float[] input) {
        this.n = n;
        this.table = table;
        this.byUsers = byUsers;
        this.ratings = ratings;
        this.input = input;
    }

    /** Bytes training needs on the cheaper route. */
    public static long trainingBytes(int users, int items) {
        return users < items
                ? 8L * (2L * users * users + (long) users * items) + 4L * users * items
                : 20L * items * items;
    }

    /**
     * Whether the model fits in the heap, else a one-line reason naming the way out.
     *
     * @return null when it fits
     */
    public static String whyNot(int users, int items, long heap) {
        long need = trainingBytes(users, items);
        long side = Math.min(users, items);
        if (side * side > Integer.MAX_VALUE - 16 || (long) users * items > Integer.MAX_VALUE - 16 || need > heap) {
            return String.format(
                    Locale.ROOT,
                    "EASE needs about %.1f GiB for %d users and %d items but the heap allows %.1f GiB",
                    need / 1073741824.0,
                    users,
                    items,
                    heap / 1073741824.0);
        }
        return null;
    }

    public static LinearAutoencoder train(Ratings r, Knobs knobs, ProgressListener progress) {
        String why = whyNot(r.userCount(), r.itemCount(), Runtime.getRuntime().maxMemory());
        if (why != null) {
            throw new IllegalArgumentException(why + ": raise -Xmx, or use itemknn (or --in-warehouse)");
        }
        float[] x = input(r, knobs.ratingAware());
        int n = r.itemCount();
        double[] lambda = regulariser(r, x, knobs);
        if (r.userCount() < n) {
            return new LinearAutoencoder(n, viaUsers(r, x, lambda, progress), true, r, x);
        }
        return new LinearAutoencoder(n, viaItems(r, x, lambda, progress), false, r, x);
    }

    @Override
    public void score(int user, float[] out) {
        if (byUsers) {
            System.arraycopy(table, user * n, out, 0, n);
            return;
        }
        Arrays.fill(out, 0, n, 0f);
        for (int p = ratings.start(user); p < ratings.end(user); p++) {
            int row = ratings.item(p) * n;
            float w = input[p];
            for (int j = 0; j < n; j++) {
                out[j] += w * table[row + j];
            }
        }
    }

    /** The input value of each rating position: 1, or the rating over the mean rating. */
    static float[] input(Ratings r, boolean ratingAware) {
        float[] x = new float[r.size()];
        if (!ratingAware) {
            Arrays.fill(x, 1f);
            return x;
        }
        double sum = 0;
        for (int p = 0; p < r.size(); p++) {
            sum += r.value(p);
        }
        double mean = sum / Math.max(1, r.size());
        for (int p = 0; p < r.size(); p++) {
            x[p] = (float) (mean > 0 ? r.value(p) / mean : 1);
        }
        return x;
    }

    private static double[] regulariser(Ratings r, float[] x, Knobs knobs) {
        double[] d = new double[r.itemCount()];
        for (int p = 0; p < r.size(); p++) {
            d[r.item(p)] += (double) x[p] * x[p];
        }
        for (int j = 0; j < d.length; j++) {
            d[j] = knobs.lambda() + knobs.alpha() * d[j];
        }
        return d;
    }

    private static float[] viaUsers(Ratings r, float[] x, double[] lambda, ProgressListener progress) {
        int m = r.userCount();
        int n = r.itemCount();
        ItemUsers byItem = ItemUsers.of(r);
        float[] xByItem = byItemInput(r, x, byItem);
        // M = I + XΛ⁻¹Xᵀ: M_uv sums x_uj·x_vj/Λ_j over the items both rated.
        double[] k = new double[m * m];
        progress.start("user co-occurrence", m);
        IntStream.range(0, m).parallel().forEach(u -> {
            int row = u * m;
            for (int p = r.start(u); p < r.end(u); p++) {
                int j = r.item(p);
                double w = x[p] / lambda[j];
                for (int q = byItem.start[j]; q < byItem.start[j + 1]; q++) {
                    k[row + byItem.users[q]] += w * xByItem[q];
                }
            }
            k[row + u] += 1;
            progress.advance(1);
        });
        progress.done();
        double[] kinv = SpdInverse.invert(k, m, progress);
        // XP = K·X·Λ⁻¹; row u is Σ_v K_uv · x_v / Λ.
        float[] scores = new float[m * n];
        double[] diag = new double[n];
        progress.start("scores", m + n);
        ThreadLocal<double[]> rows = ThreadLocal.withInitial(() -> new double[n]);
        // diag(P)_j = 1/Λ_j − Σ_{u,v rated j} x_uj K_uv x_vj / Λ_j².
        IntStream.range(0, n).parallel().forEach(j -> {
            double s = 0;
            for (int a = byItem.start[j]; a < byItem.start[j + 1]; a++) {
                int row = byItem.users[a] * m;
                double xa = xByItem[a];
                for (int b = byItem.start[j]; b < byItem.start[j + 1]; b++) {
                    s += xa * kinv[row + byItem.users[b]] * xByItem[b];
                }
            }
            diag[j] = 1 / lambda[j] - s / (lambda[j] * lambda[j]);
            progress.advance(1);
        });
        IntStream.range(0, m).parallel().forEach(u -> {
            double[] acc = rows.get();
            Arrays.fill(acc, 0);
            int krow = u * m;
            for (int v = 0; v < m; v++) {
                double w = kinv[krow + v];
                for (int p = r.start(v); p < r.end(v); p++) {
                    acc[r.item(p)] += w * x[p];
                }
            }
            int row = u * n;
            for (int j = 0; j < n; j++) {
                scores[row + j] = (float) (-acc[j] / (lambda[j] * diag[j]));
            }
            progress.advance(1);
        });
        progress.done();
        return scores;
    }

    private static float[] viaItems(Ratings r, float[] x, double[] lambda, ProgressListener progress) {
        int n = r.itemCount();
        ItemUsers byItem = ItemUsers.of(r);
        float[] xByItem = byItemInput(r, x, byItem);
        double[] g = new double[n * n];
        progress.start("co-occurrence", n);
        IntStream.range(0, n).parallel().forEach(i -> {
            int row = i * n;
            for (int a = byItem.start[i]; a < byItem.start[i + 1]; a++) {
                int u = byItem.users[a];
                double xi = xByItem[a];
                for (int p = r.start(u); p < r.end(u); p++) {
                    g[row + r.item(p)] += xi * x[p];
                }
            }
            g[row + i] += lambda[i];
            progress.advance(1);
        });
        progress.done();
        double[] p = SpdInverse.invert(g, n, progress);
        float[] b = new float[n * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                b[row + j] = (float) (-p[row + j] / p[j * n + j]);
            }
            b[row + i] = 0f;
        });
        return b;
    }

    /** x in the by-item order of {@link ItemUsers}. */
    private static float[] byItemInput(Ratings r, float[] x, ItemUsers byItem) {
        float[] out = new float[r.size()];
        int[] fill = Arrays.copyOf(byItem.start, byItem.start.length - 1);
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.start(u); p < r.end(u); p++) {
                out[fill[r.item(p)]++] = x[p];
            }
        }
        return out;
    }
}
