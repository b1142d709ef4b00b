package io.papi.recommender;

import io.papi.lookup.RecommendationJson;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One recommended item. Published as {@code {"item_id": 50, "movie_name": "Star Wars (1977)", "movie_score": "12.00"}}
 * ({@link RecommendationJson}): the guide's keys plus the item id, with the score as a string as the notebook writes it.
 *
 * @param itemId    the item's id
 * @param movieName its title, or its id as text when there is no title
 * @param score     the algorithm's score (higher is better; scales differ between algorithms)
 */
public record RecommendedItem(long itemId, String movieName, double score) implements RecommendationJson.Element {

    /**
     * The score as Python's {@code "%.2f" % score} writes it: two decimals, rounding the exact binary value half to
     * even, always with a dot ({@link java.util.Locale#ROOT}). Java's {@code String.format} rounds the shortest
     * decimal form half up instead (2.675 would become "2.68" there, "2.67" in Python), hence BigDecimal.
     */
    @Override
    public String movieScore() {
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            return Double.toString(score);
        }
        String s = new BigDecimal(score).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative value that rounds to zero ("-0.00"); BigDecimal has no negative zero.
        return Double.doubleToRawLongBits(score) < 0 && !s.startsWith("-") ? "-" + s : s;
    }
}
