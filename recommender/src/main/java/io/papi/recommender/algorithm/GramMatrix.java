package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import java.util.stream.IntStream;

/**
 * Xᵀ·X for the binary user×item interaction matrix X (1 where a user rated an item): entry (i, j) counts the users
 * who rated both i and j, and the diagonal counts each item's raters. Built from the sparse ratings in
 * Σ_u |items of u|² additions, rows spread over threads so no two threads write one row.
 */
final class GramMatrix {

    private GramMatrix() {}

    static double[] binary(Ratings r, ProgressListener progress) {
        int n = r.itemCount();
        double[] g = new double[n * n];
        ItemUsers byItem = ItemUsers.of(r);
        progress.start("co-occurrence counts", n);
        IntStream.range(0, n).parallel().forEach(i -> {
            int row = i * n;
            for (int k = byItem.start[i]; k < byItem.start[i + 1]; k++) {
                int u = byItem.users[k];
                for (int p = r.start(u); p < r.end(u); p++) {
                    g[row + r.item(p)] += 1;
                }
            }
            progress.advance(1);
        });
        progress.done();
        return g;
    }
}
