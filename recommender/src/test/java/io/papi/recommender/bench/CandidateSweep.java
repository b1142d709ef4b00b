package io.papi.recommender.bench;

import io.papi.recommender.Evaluation;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RandomSplit;
import io.papi.recommender.Ratings;
import io.papi.recommender.SyntheticData;
import io.papi.recommender.algorithm.DampedModel;
import io.papi.recommender.algorithm.LinearAutoencoder;
import io.papi.recommender.algorithm.Model;
import io.papi.recommender.evaluation.HoldoutScore;
import java.util.Locale;

/**
 * The default-model candidates' held-out nDCG@10 on the default synthetic data (split seeds 1, 2, 3): EASE over λ,
 * EDLAE over λ and α, popularity damping, rating-aware input. Usage: recommender/bench/run.sh CandidateSweep
 */
public final class CandidateSweep {

    public static void main(String[] args) {
        Ratings ratings = SyntheticData.generate().ratings();
        RandomSplit[] splits = {
            RandomSplit.perUser(ratings, 1, Evaluation.TRAIN_FRACTION),
            RandomSplit.perUser(ratings, 2, Evaluation.TRAIN_FRACTION),
            RandomSplit.perUser(ratings, 3, Evaluation.TRAIN_FRACTION)
        };
        for (double lambda : new double[] {50, 100, 200, 400, 800}) {
            for (double alpha : new double[] {0, 0.1, 0.25, 0.5, 1}) {
                for (double beta : new double[] {0, 0.1, 0.2}) {
                    report(splits, new LinearAutoencoder.Knobs(lambda, alpha, false), beta);
                }
            }
        }
        for (double lambda : new double[] {100, 200, 400}) {
            report(splits, new LinearAutoencoder.Knobs(lambda, 0.25, true), 0);
        }
    }

    private static void report(RandomSplit[] splits, LinearAutoencoder.Knobs knobs, double beta) {
        double ndcg = 0;
        for (RandomSplit s : splits) {
            Model m = DampedModel.of(LinearAutoencoder.train(s.train(), knobs, ProgressListener.NONE), s.train(), beta);
            ndcg += HoldoutScore.of(m, s.train(), s.test(), 10, () -> {}).ndcg();
        }
        System.out.printf(Locale.ROOT, "%-40s beta=%.2f  nDCG@10 %.4f%n", knobs, beta, ndcg / splits.length);
    }
}
