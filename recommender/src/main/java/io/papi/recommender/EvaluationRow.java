package io.papi.recommender;

import java.time.Duration;

/**
 * How one algorithm did in an offline {@link Evaluation}: means over the users with held-out ratings.
 *
 * @param algorithm     the algorithm
 * @param k             the cut-off of every metric
 * @param users         users evaluated
 * @param precision     precision@k
 * @param recall        recall@k
 * @param ndcg          nDCG@k, binary relevance, ideal DCG over min(k, |relevant|)
 * @param map           MAP as Microsoft Recommenders' {@code map} computes it: per user Σ over hits of precision at
 *                      the hit's rank, divided by |relevant| (Spark MLlib's meanAveragePrecision, cut at k)
 * @param mapAtK        MAP@k as Recommenders' current {@code map_at_k}: the same sum divided by min(k, |relevant|)
 * @param trainingTime  time to train on the training split
 * @param recommendTime time to rank the top k for every evaluated user
 */
public record EvaluationRow(
        Algorithm algorithm,
        int k,
        int users,
        double precision,
        double recall,
        double ndcg,
        double map,
        double mapAtK,
        Duration trainingTime,
        Duration recommendTime) {}
