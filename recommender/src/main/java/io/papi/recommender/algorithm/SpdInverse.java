package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;
import java.util.stream.IntStream;

/**
 * Inverts a symmetric positive definite matrix held row-major in a {@code double[]}: a blocked Cholesky factorisation
 * {@code A = L·Lᵀ} in place, then {@code A⁻¹} column block by column block from {@code L·Y = I}, {@code Lᵀ·X = Y}.
 *
 * <p>About n³/2 multiply-adds (n³/6 for the factor, n³/3 for the solves, which by symmetry only compute rows at or
 * below each column block), against n³ for Gauss-Jordan. Inner loops run over contiguous rows four at a time, which
 * the JIT vectorises; rows (factor) and column blocks (solves) are spread over the common fork-join pool.
 */
public final class SpdInverse {

    /** Columns factored per step; the trailing update streams a panel of this many rows, ~0.9 MB at n = 1,682. */
    private static final int PANEL = 64;
    /** Right-hand sides solved together; 32 keeps the work block in L2 at n = 1,682 (measured best of 32/64/128). */
    private static final int BLOCK = 32;

    private SpdInverse() {}

    /**
     * Returns the inverse of the n×n SPD matrix {@code a}. {@code a} is overwritten with its Cholesky factor.
     *
     * @throws ArithmeticException when {@code a} is not positive definite (a pivot is not positive)
     */
    public static double[] invert(double[] a, int n, ProgressListener progress) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + n + "×" + n);
        }
        cholesky(a, n, progress);
        return inverseFromCholesky(a, n, progress);
    }

    /** Factors {@code a = L·Lᵀ} in place; L is left in the lower triangle, the strict upper triangle is untouched. */
    static void cholesky(double[] a, int n, ProgressListener progress) {
        double[] panel = new double[PANEL * n];
        int steps = (n + PANEL - 1) / PANEL;
        progress.start("Cholesky factor", steps);
        for (int k0 = 0; k0 < n; k0 += PANEL) {
            final int from = k0;
            final int to = Math.min(n, k0 + PANEL);
            factorDiagonalBlock(a, n, from, to);
            if (to < n) {
                // L21 = A21 · L11⁻ᵀ, one row at a time.
                IntStream.range(to, n).parallel().forEach(i -> {
                    int ri = i * n;
                    for (int j = from; j < to; j++) {
                        int rj = j * n;
                        double s = a[ri + j];
                        for (int p = from; p < j; p++) {
                            s -= a[ri + p] * a[rj + p];
                        }
                        a[ri + j] = s / a[rj + j];
                    }
                });
                // Transposed copy of L21 so the update below reads contiguous rows.
                int width = to - from;
                for (int j = to; j < n; j++) {
                    int rj = j * n;
                    for (int p = 0; p < width; p++) {
                        panel[p * n + j] = a[rj + from + p];
                    }
                }
                // A22 -= L21 · L21ᵀ (lower triangle only).
                IntStream.range(to, n).parallel().forEach(i -> trailingUpdate(a, n, panel, i, from, width, to));
            }
            progress.advance(1);
        }
        progress.done();
    }

    private static void factorDiagonalBlock(double[] a, int n, int from, int to) {
        for (int i = from; i < to; i++) {
            int ri = i * n;
            for (int j = from; j <= i; j++) {
                int rj = j * n;
                double s = a[ri + j];
                for (int p = from; p < j; p++) {
                    s -= a[ri + p] * a[rj + p];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("matrix is not positive definite (pivot " + i + " is " + s + ")");
                    }
                    a[ri + i] = Math.sqrt(s);
                } else {
                    a[ri + j] = s / a[rj + j];
                }
            }
        }
    }

    private static void trailingUpdate(double[] a, int n, double[] panel, int i, int from, int width, int to) {
        int ri = i * n;
        int p = 0;
        for (; p + 3 < width; p += 4) {
            double l0 = a[ri + from + p];
            double l1 = a[ri + from + p + 1];
            double l2 = a[ri + from + p + 2];
            double l3 = a[ri + from + p + 3];
            int o0 = p * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            for (int j = to; j <= i; j++) {
                a[ri + j] -= l0 * panel[o0 + j] + l1 * panel[o1 + j] + l2 * panel[o2 + j] + l3 * panel[o3 + j];
            }
        }
        for (; p < width; p++) {
            double l = a[ri + from + p];
            int o = p * n;
            for (int j = to; j <= i; j++) {
                a[ri + j] -= l * panel[o + j];
            }
        }
    }

    /** Given L in the lower triangle of {@code l}, returns (L·Lᵀ)⁻¹ as a full symmetric matrix. */
    static double[] inverseFromCholesky(double[] l, int n, ProgressListener progress) {
        double[] inv = new double[n * n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        progress.start("inverse", blocks);
        IntStream.range(0, blocks).parallel().forEach(b -> {
            solveBlock(l, n, b * BLOCK, inv);
            progress.advance(1);
        });
        progress.done();
        return inv;
    }

    /** Columns j0..j0+BLOCK of the inverse, rows j0..n (the rest follows by symmetry). */
    private static void solveBlock(double[] l, int n, int j0, double[] inv) {
        final int m = BLOCK;
        int cols = Math.min(m, n - j0);
        double[] y = new double[(n - j0) * m];
        for (int c = 0; c < cols; c++) {
            y[c * m + c] = 1;
        }
        // Forward: L·Y = E, where E holds unit vectors from row j0 on (rows above are zero in E and Y).
        for (int i = j0; i < n; i++) {
            int ri = i * n;
            int yi = (i - j0) * m;
            int k = j0;
            for (; k + 3 < i; k += 4) {
                double a0 = l[ri + k];
                double a1 = l[ri + k + 1];
                double a2 = l[ri + k + 2];
                double a3 = l[ri + k + 3];
                int y0 = (k - j0) * m;
                int y1 = y0 + m;
                int y2 = y1 + m;
                int y3 = y2 + m;
                for (int c = 0; c < m; c++) {
                    y[yi + c] -= a0 * y[y0 + c] + a1 * y[y1 + c] + a2 * y[y2 + c] + a3 * y[y3 + c];
                }
            }
            for (; k < i; k++) {
                double a0 = l[ri + k];
                int y0 = (k - j0) * m;
                for (int c = 0; c < m; c++) {
                    y[yi + c] -= a0 * y[y0 + c];
                }
            }
            double d = 1 / l[ri + i];
            for (int c = 0; c < m; c++) {
                y[yi + c] *= d;
            }
        }
        // Backward: Lᵀ·X = Y, bottom row first, four rows of L at a time.
        int k = n - 1;
        for (; k - 3 >= j0; k -= 4) {
            for (int q = k; q > k - 4; q--) {
                int rq = q * n;
                int yq = (q - j0) * m;
                double d = 1 / l[rq + q];
                for (int c = 0; c < m; c++) {
                    y[yq + c] *= d;
                }
                for (int i = k - 3; i < q; i++) {
                    double lqi = l[rq + i];
                    int yi = (i - j0) * m;
                    for (int c = 0; c < m; c++) {
                        y[yi + c] -= lqi * y[yq + c];
                    }
                }
            }
            int r0 = k * n;
            int r1 = r0 - n;
            int r2 = r1 - n;
            int r3 = r2 - n;
            int x0 = (k - j0) * m;
            int x1 = x0 - m;
            int x2 = x1 - m;
            int x3 = x2 - m;
            for (int i = j0; i < k - 3; i++) {
                double a0 = l[r0 + i];
                double a1 = l[r1 + i];
                double a2 = l[r2 + i];
                double a3 = l[r3 + i];
                int yi = (i - j0) * m;
                for (int c = 0; c < m; c++) {
                    y[yi + c] -= a0 * y[x0 + c] + a1 * y[x1 + c] + a2 * y[x2 + c] + a3 * y[x3 + c];
                }
            }
        }
        for (; k >= j0; k--) {
            int rk = k * n;
            int yk = (k - j0) * m;
            double d = 1 / l[rk + k];
            for (int c = 0; c < m; c++) {
                y[yk + c] *= d;
            }
            for (int i = j0; i < k; i++) {
                double lki = l[rk + i];
                int yi = (i - j0) * m;
                for (int c = 0; c < m; c++) {
                    y[yi + c] -= lki * y[yk + c];
                }
            }
        }
        for (int i = j0; i < n; i++) {
            int yi = (i - j0) * m;
            for (int c = 0; c < cols; c++) {
                double v = y[yi + c];
                inv[i * n + j0 + c] = v;
                inv[(j0 + c) * n + i] = v;
            }
        }
    }
}
