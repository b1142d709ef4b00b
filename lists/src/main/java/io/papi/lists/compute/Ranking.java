package io.papi.lists.compute;

import io.papi.lists.ScoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders candidates best first: by score, then by a tie-breaker (a count: quantity, co-occurrences), then by item
 * id, so that equal inputs always give the same list. Scores are rounded to 6 significant digits when written.
 */
final class Ranking {
    record Candidate(String itemId, double score, long tieBreak) {}

    /**
     * Scores compare at 9 decimals: two pairs whose similarities are equal in exact arithmetic (2/sqrt(30) and
     * 4/sqrt(120)) can differ in the last bit, and the warehouse SQL, which ranks on ROUND(SCORE, 9), must break
     * that tie the same way.
     */
    static double rankKey(double score) {
        return Math.rint(score * 1e9) / 1e9;
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(
                    (Candidate c) -> rankKey(c.score()))
            .reversed()
            .thenComparing(Comparator.comparingLong(Candidate::tieBreak).reversed())
            .thenComparing(Candidate::itemId);

    private Ranking() {}

    static List<ScoredItem> top(List<Candidate> candidates, int size) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(BEST_FIRST);
        List<ScoredItem> top = new ArrayList<>(Math.min(size, sorted.size()));
        for (Candidate c : sorted) {
            if (top.size() == size) {
                break;
            }
            top.add(new ScoredItem(c.itemId(), round(c.score())));
        }
        return top;
    }

    static double round(double score) {
        if (score == 0 || Double.isNaN(score) || Double.isInfinite(score)) {
            return score;
        }
        return new java.math.BigDecimal(score)
                .round(new java.math.MathContext(6))
                .doubleValue();
    }
}
