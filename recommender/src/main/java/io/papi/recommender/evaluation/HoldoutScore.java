package io.papi.recommender.evaluation;

import io.papi.recommender.Ratings;
import io.papi.recommender.algorithm.Model;
import io.papi.recommender.algorithm.Models;
import java.util.stream.IntStream;

/**
 * The means of {@link RankingMetrics} over the users with held-out ratings: {@link #of} ranks the top k for each of
 * them and sums in user order, so the figures do not depend on thread scheduling.
 */
public record HoldoutScore(double precision, double recall, double ndcg, double map, double mapAtK, int users) {

    /**
     * @param perUser called once per user, from any thread (progress)
     * @return the means, or null when no user has held-out ratings
     */
    public static HoldoutScore of(Model model, Ratings train, Ratings test, int k, Runnable perUser) {
        int items = train.itemCount();
        ThreadLocal<float[]> scores = ThreadLocal.withInitial(() -> new float[items]);
        ThreadLocal<boolean[]> excluded = ThreadLocal.withInitial(() -> new boolean[items]);
        ThreadLocal<boolean[]> relevant = ThreadLocal.withInitial(() -> new boolean[items]);
        RankingMetrics[] each = new RankingMetrics[train.userCount()];
        IntStream.range(0, train.userCount()).parallel().forEach(u -> {
            int held = test.end(u) - test.start(u);
            if (held > 0) {
                int[] top = Models.topItems(model, train, u, k, scores.get(), excluded.get());
                boolean[] rel = relevant.get();
                for (int q = test.start(u); q < test.end(u); q++) {
                    rel[test.item(q)] = true;
                }
                each[u] = RankingMetrics.of(top, rel, held, k);
                for (int q = test.start(u); q < test.end(u); q++) {
                    rel[test.item(q)] = false;
                }
            }
            perUser.run();
        });
        int users = 0;
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        double mapAtK = 0;
        for (RankingMetrics m : each) {
            if (m != null) {
                users++;
                precision += m.precision();
                recall += m.recall();
                ndcg += m.ndcg();
                map += m.averagePrecision();
                mapAtK += m.averagePrecisionAtK();
            }
        }
        if (users == 0) {
            return null;
        }
        return new HoldoutScore(precision / users, recall / users, ndcg / users, map / users, mapAtK / users, users);
    }
}
