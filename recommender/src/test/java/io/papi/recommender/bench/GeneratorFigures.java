package io.papi.recommender.bench;

import io.papi.recommender.Ratings;
import io.papi.recommender.SyntheticData;
import io.papi.recommender.SyntheticShape;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the synthetic data's statistics beside MovieLens 100K's published ones (docs/recommender.md).
 * Usage: recommender/bench/run.sh GeneratorFigures [seed] [users items ratings]
 */
public final class GeneratorFigures {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SyntheticData.DEFAULT_SEED;
        SyntheticShape shape = args.length > 3
                ? SyntheticShape.scaled(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]))
                : SyntheticShape.movieLens100k();
        long t0 = System.nanoTime();
        SyntheticData d = SyntheticData.generate(seed, shape);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Ratings r = d.ratings();
        int[] perUser = new int[r.userCount()];
        for (int u = 0; u < r.userCount(); u++) {
            perUser[u] = r.end(u) - r.start(u);
        }
        int[] perItem = r.itemCounts();
        Arrays.sort(perUser);
        Arrays.sort(perItem);
        long once = Arrays.stream(perItem).filter(c -> c == 1).count();
        int[] values = new int[6];
        for (int p = 0; p < r.size(); p++) {
            values[(int) r.value(p)]++;
        }
        System.out.printf(
                Locale.ROOT,
                "shape %s, seed %d, generated in %d ms, %d completion trades%n",
                shape,
                seed,
                ms,
                d.completionTrades());
        System.out.printf(Locale.ROOT, "users %d, items %d, ratings %d%n", r.userCount(), r.itemCount(), r.size());
        System.out.printf(Locale.ROOT, "per user: %s%n", quartiles(perUser));
        System.out.printf(Locale.ROOT, "per item: %s, rated once %d%n", quartiles(perItem), once);
        StringBuilder shares = new StringBuilder("rating shares:");
        for (int v = 1; v <= 5; v++) {
            shares.append(String.format(Locale.ROOT, " %d: %.2f%%", v, 100.0 * values[v] / r.size()));
        }
        System.out.println(shares);
    }

    /** Min, quartiles and max of {@code sorted}. */
    private static String quartiles(int[] sorted) {
        return String.format(
                Locale.ROOT,
                "min %d, p25 %d, median %s, p75 %d, max %d",
                sorted[0],
                sorted[sorted.length / 4],
                median(sorted),
                sorted[3 * sorted.length / 4],
                sorted[sorted.length - 1]);
    }

    private static String median(int[] sorted) {
        int n = sorted.length;
        return n % 2 == 1
                ? Integer.toString(sorted[n / 2])
                : sorted[n / 2 - 1] == sorted[n / 2]
                        ? Integer.toString(sorted[n / 2])
                        : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 + "";
    }
}
