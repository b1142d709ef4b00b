package io.papi.recommender.bench;

import io.papi.recommender.Algorithm;
import io.papi.recommender.CsvMapping;
import io.papi.recommender.Evaluation;
import io.papi.recommender.EvaluationRow;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.Loaders;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RandomSplit;
import io.papi.recommender.Ratings;
import io.papi.recommender.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Sweeps EASE's λ and item-kNN's k and shrinkage under the evaluation protocol, averaging nDCG@10 over split seeds
 * 1, 2 and 3 — not the default evaluation seed 42, so the defaults are not tuned on the split the tests assert on.
 *
 * <p>Usage: {@code ParameterSweep [ml-100k folder]}; without an argument it sweeps the default synthetic data.
 * With a MovieLens folder it gives the real-data figures docs/recommender.md asks users to confirm.
 */
public final class ParameterSweep {

    private static final long[] SEEDS = {1, 2, 3};

    public static void main(String[] args) throws Exception {
        Ratings ratings;
        if (args.length > 0 && Files.isDirectory(Path.of(args[0]))) {
            ratings =
                    Loaders.movieLens(Path.of(args[0]), LoadOptions.defaults()).ratings();
            System.out.println("data: MovieLens at " + args[0]);
        } else if (args.length > 0) {
            ratings = Loaders.genericCsv(Path.of(args[0]), CsvMapping.parse(args[1]), LoadOptions.defaults())
                    .ratings();
            System.out.println("data: " + args[0]);
        } else {
            ratings = SyntheticData.generate().ratings();
            System.out.println("data: synthetic, seed " + SyntheticData.DEFAULT_SEED);
        }
        System.out.println(ratings);
        RandomSplit[] splits = new RandomSplit[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            splits[s] = RandomSplit.perUser(ratings, SEEDS[s], Evaluation.TRAIN_FRACTION);
        }
        Parameters base = Parameters.defaults();
        System.out.println("EASE lambda -> mean nDCG@10 over split seeds 1,2,3 (precision@10)");
        for (double lambda : new double[] {25, 50, 100, 200, 300, 400, 500, 700, 1000, 1500}) {
            report("  lambda=" + (int) lambda, splits, Algorithm.EASE, base.withEaseLambda(lambda));
        }
        System.out.println("item-kNN neighbours, shrinkage -> mean nDCG@10 (precision@10)");
        for (int k : new int[] {20, 50, 100, 200, 400}) {
            for (double h : new double[] {0, 10, 50, 100}) {
                report(
                        "  k=" + k + " shrink=" + (int) h,
                        splits,
                        Algorithm.ITEMKNN,
                        base.withKnnNeighbours(k).withKnnShrinkage(h));
            }
        }
    }

    private static void report(String label, RandomSplit[] splits, Algorithm algorithm, Parameters p) {
        double ndcg = 0;
        double precision = 0;
        for (RandomSplit split : splits) {
            EvaluationRow row = Evaluation.evaluate(split, algorithm, p, Evaluation.DEFAULT_K, ProgressListener.NONE);
            ndcg += row.ndcg();
            precision += row.precision();
        }
        System.out.printf(Locale.ROOT, "%-24s %.4f (%.4f)%n", label, ndcg / splits.length, precision / splits.length);
    }
}
