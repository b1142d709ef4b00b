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
    record Candidate(String itemId, double score, long tieBreak) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Comparator.comparingLong(Candidate::tieBreak).reversed())
            .thenComparing(Candidate::itemId);

    private Ranking() {
    }

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
        return new java.math.BigDecimal(score).round(new java.math.MathContext(6)).doubleValue();
    }
}
