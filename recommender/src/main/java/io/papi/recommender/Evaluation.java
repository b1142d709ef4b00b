package io.papi.recommender;

import io.papi.recommender.algorithm.Model;
import io.papi.recommender.algorithm.Models;
import io.papi.recommender.algorithm.SerializedProgress;
import io.papi.recommender.evaluation.HoldoutScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline evaluation under the protocol of Microsoft Recommenders' MovieLens benchmark: each user's ratings are split
 * at random, 75% to train and 25% held out ({@link RandomSplit}, seeded); each algorithm is trained on the 75%; for
 * each user with held-out ratings the top k items among those the user did not train on are ranked; every held-out
 * rating counts as relevant, whatever its value. Metrics are described on {@link EvaluationRow}.
 */
public final class Evaluation {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_K = 10;
    public static final double TRAIN_FRACTION = 0.75;

    private Evaluation() {}

    /** Evaluates at k = {@value #DEFAULT_K}. */
    public static List<EvaluationRow> run(
            Ratings ratings, long seed, List<Algorithm> algorithms, Parameters parameters, ProgressListener progress) {
        return run(ratings, seed, algorithms, parameters, DEFAULT_K, progress);
    }

    public static List<EvaluationRow> run(
            Ratings ratings,
            long seed,
            List<Algorithm> algorithms,
            Parameters parameters,
            int k,
            ProgressListener progress) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        RandomSplit split = RandomSplit.perUser(ratings, seed, TRAIN_FRACTION);
        List<EvaluationRow> rows = new ArrayList<>();
        for (Algorithm algorithm : algorithms) {
            rows.add(evaluate(split, algorithm, parameters, k, progress));
        }
        return rows;
    }

    /** Evaluates one algorithm on a given split. */
    public static EvaluationRow evaluate(
            RandomSplit split, Algorithm algorithm, Parameters parameters, int k, ProgressListener progress) {
        Ratings train = split.train();
        Ratings test = split.test();
        long t0 = System.nanoTime();
        Model model = Models.train(train, algorithm, parameters, progress);
        long t1 = System.nanoTime();
        ProgressListener p = SerializedProgress.of(progress);
        p.start("evaluating " + algorithm.key(), train.userCount());
        HoldoutScore score = HoldoutScore.of(model, train, test, k, () -> p.advance(1));
        p.done();
        long t2 = System.nanoTime();
        if (score == null) {
            throw new IllegalArgumentException("no user has held-out ratings: every user needs at least 2 ratings");
        }
        return new EvaluationRow(
                algorithm,
                k,
                score.users(),
                score.precision(),
                score.recall(),
                score.ndcg(),
                score.map(),
                score.mapAtK(),
                Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1));
    }
}
