package io.papi.recommender.bench;

import io.papi.recommender.Algorithm;
import io.papi.recommender.Evaluation;
import io.papi.recommender.EvaluationRow;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.Loaders;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.SyntheticData;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the evaluation table (seed 42, 75/25 per user, k = 10) for every algorithm with default parameters, on the
 * default synthetic data or, given a folder, on MovieLens 100K: {@code EvaluationReport [ml-100k folder]}.
 */
public final class EvaluationReport {

    public static void main(String[] args) throws Exception {
        Ratings ratings = args.length > 0
                ? Loaders.movieLens(Path.of(args[0]), LoadOptions.defaults()).ratings()
                : SyntheticData.generate().ratings();
        System.out.println(
                (args.length > 0 ? "MovieLens at " + args[0] : "synthetic data, seed " + SyntheticData.DEFAULT_SEED)
                        + ": " + ratings + ", split seed " + Evaluation.DEFAULT_SEED);
        List<EvaluationRow> rows = Evaluation.run(
                ratings,
                Evaluation.DEFAULT_SEED,
                List.of(Algorithm.values()),
                Parameters.defaults(),
                ProgressListener.NONE);
        System.out.println(
                "| algorithm | precision@10 | recall@10 | nDCG@10 | MAP | MAP@10 | train | rank all users |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (EvaluationRow r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %d ms | %d ms |%n",
                    r.algorithm().key(),
                    r.precision(),
                    r.recall(),
                    r.ndcg(),
                    r.map(),
                    r.mapAtK(),
                    r.trainingTime().toMillis(),
                    r.recommendTime().toMillis());
        }
    }
}
