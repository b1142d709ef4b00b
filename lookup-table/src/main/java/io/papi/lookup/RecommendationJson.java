package io.papi.lookup;

import io.papi.json.JsonText;
import java.util.List;

/**
 * The JSON shapes of recommendations, defined once for the writer and the reader.
 *
 * <ul>
 *   <li>Element, in the {@code RECOMMENDATIONS} column: {@code {"item_id":50,"movie_name":"Star Wars (1977)",
 *       "movie_score":"12.00"}}, keys in that order ({@link #ELEMENT_KEYS}), the score as a string as the guide's
 *       notebook writes it. The order is also alphabetical, so an engine that sorts an object's keys (Snowflake's
 *       {@code TO_JSON} promises no order) returns the same text.</li>
 *   <li>Column value: a JSON array of elements, best first ({@link #items}).</li>
 *   <li>JSON Lines record of {@code papi recommend --out}: {@code {"user_id":22,"recommendations":[...]}} ({@link #line}).</li>
 *   <li>Element of the API's answer: {@code {"USER_ID":22,"RECOMMENDATIONS":<the stored column value>}} ({@link #answer}),
 *       the columns' names as the guide's API returns them.</li>
 * </ul>
 *
 * <p>Text is escaped as JSON requires and nothing more ({@link JsonText#string}): {@code "} and {@code \}, control
 * characters as {@code \b \t \n \f \r} or a six-character {@code \}{@code u00XX} escape; other characters,
 * non-ASCII ones included, are written as they are.
 */
public final class RecommendationJson {
    /** Key of an element's item id (a JSON number). */
    public static final String ITEM_ID = "item_id";
    /** Key of an element's title (a string; the item id as text when there is no title). */
    public static final String MOVIE_NAME = "movie_name";
    /** Key of an element's score (a string with two decimals). */
    public static final String MOVIE_SCORE = "movie_score";
    /** An element's keys, in the order they are written. */
    public static final List<String> ELEMENT_KEYS = List.of(ITEM_ID, MOVIE_NAME, MOVIE_SCORE);
    /** Key of a JSON Lines record's user id. */
    public static final String LINE_USER_ID = "user_id";
    /** Key of a JSON Lines record's array of elements. */
    public static final String LINE_RECOMMENDATIONS = "recommendations";

    /** One recommended item as an element carries it. */
    public interface Element {
        long itemId();

        String movieName();

        /** The score, already formatted (e.g. {@code "12.00"}). */
        String movieScore();
    }

    private RecommendationJson() {}

    /** The column value: {@code [{"item_id":..,"movie_name":..,"movie_score":..},...]}, in the order given. */
    public static String items(List<? extends Element> items) {
        StringBuilder out = new StringBuilder(2 + items.size() * 96);
        appendItems(out, items);
        return out.toString();
    }

    /** One JSON Lines record: {@code {"user_id":22,"recommendations":[...]}}. */
    public static String line(long userId, List<? extends Element> items) {
        StringBuilder out = new StringBuilder(48 + items.size() * 96);
        out.append("{\"")
                .append(LINE_USER_ID)
                .append("\":")
                .append(userId)
                .append(",\"")
                .append(LINE_RECOMMENDATIONS)
                .append("\":");
        appendItems(out, items);
        return out.append('}').toString();
    }

    /**
     * One element of the API's answer, built around the stored text without parsing it.
     *
     * @param userIdJson the id as a JSON value: digits for a number, or a quoted string
     * @param storedJson the RECOMMENDATIONS column as read; {@code null} or blank becomes JSON {@code null}
     */
    public static String answer(String userIdJson, String storedJson) {
        String recommendations = storedJson == null || storedJson.isBlank() ? "null" : storedJson;
        return "{\"" + LookupTable.USER_ID + "\":" + userIdJson + ",\"" + LookupTable.RECOMMENDATIONS + "\":"
                + recommendations + "}";
    }

    /** {@code text} as a JSON string, quotes included. */
    public static String quote(String text) {
        return JsonText.quote(text);
    }

    private static void appendItems(StringBuilder out, List<? extends Element> items) {
        out.append('[');
        for (int k = 0; k < items.size(); k++) {
            Element item = items.get(k);
            out.append(k == 0 ? "{\"" : ",{\"")
                    .append(ITEM_ID)
                    .append("\":")
                    .append(item.itemId())
                    .append(",\"")
                    .append(MOVIE_NAME)
                    .append("\":");
            JsonText.string(out, item.movieName());
            out.append(",\"").append(MOVIE_SCORE).append("\":");
            JsonText.string(out, item.movieScore());
            out.append('}');
        }
        out.append(']');
    }
}
