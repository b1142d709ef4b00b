package io.papi.recommender.evaluation;

/**
 * Top-k ranking metrics of one user with binary relevance (every held-out item is relevant), as Microsoft
 * Recommenders' {@code python_evaluation} computes them:
 * <ul>
 *   <li>precision@k = hits / k;</li>
 *   <li>recall@k = hits / |relevant|;</li>
 *   <li>nDCG@k = Σ_hits 1/log2(rank+1) over the ideal Σ_{r=1..min(k,|relevant|)} 1/log2(r+1);</li>
 *   <li>MAP: average precision = Σ_hits (hits so far / rank) / |relevant| — Recommenders' {@code map}, whose
 *       docstring cites Spark MLlib's ranking metrics and says it is normalised by the number of relevant items,
 *       not k (older Recommenders releases called this {@code map_at_k});</li>
 *   <li>MAP@k: the same sum over min(k, |relevant|) — Recommenders' current {@code map_at_k}, after Spark's
 *       meanAveragePrecisionAt(k).</li>
 * </ul>
 */
public record RankingMetrics(
        double precision, double recall, double ndcg, double averagePrecision, double averagePrecisionAtK) {

    /**
     * @param ranked   recommended item indexes, best first (at most k are used)
     * @param relevant relevant[i] is true when item i is held out for this user
     * @param relevantCount number of relevant items (> 0)
     * @param k        cut-off
     */
    public static RankingMetrics of(int[] ranked, boolean[] relevant, int relevantCount, int k) {
        if (relevantCount <= 0) {
            throw new IllegalArgumentException("a user without held-out items has no ranking metrics");
        }
        int hits = 0;
        double dcg = 0;
        double precisionSum = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant[ranked[r]]) {
                hits++;
                dcg += 1.0 / log2(r + 2);
                precisionSum += (double) hits / (r + 1);
            }
        }
        double idcg = 0;
        for (int r = 0; r < Math.min(k, relevantCount); r++) {
            idcg += 1.0 / log2(r + 2);
        }
        return new RankingMetrics(
                (double) hits / k,
                (double) hits / relevantCount,
                dcg / idcg,
                precisionSum / relevantCount,
                precisionSum / Math.min(k, relevantCount));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
