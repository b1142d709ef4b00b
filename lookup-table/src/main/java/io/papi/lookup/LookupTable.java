package io.papi.lookup;

/**
 * The lookup table the recommender writes and the lookup API reads: one row per user, {@code USER_ID} (the key,
 * {@link KeyType}) and {@code RECOMMENDATIONS} (a JSON array, {@link RecommendationJson}). In Snowflake a standard
 * batch table is written first and the hybrid lookup table is filled from it in the same transaction, as the guide
 * does; the embedded store has the lookup table only. Statements: {@link LookupDdl}.
 */
public final class LookupTable {
    /** The lookup table's default name, as in the guide: the hybrid table in Snowflake, the table of the local store. */
    public static final String DEFAULT_NAME = "MOVIE_RECOMMENDATIONS_HYBRID";
    /** The guide's batch table (Snowflake only), the source of the hybrid table's rows. */
    public static final String DEFAULT_BATCH_NAME = "MOVIE_RECOMMENDATIONS";
    /** The key column. */
    public static final String USER_ID = "USER_ID";
    /** The column holding the user's recommendations as JSON (VARIANT in Snowflake, text in H2). */
    public static final String RECOMMENDATIONS = "RECOMMENDATIONS";
    /** Both columns, in their order, as an INSERT names them: {@code USER_ID, RECOMMENDATIONS}. */
    public static final String COLUMNS = USER_ID + ", " + RECOMMENDATIONS;
    /** Longest text key: Personalize's limit on user and item ids, and the API's longest id. */
    public static final int KEY_CHARS = 256;
    /** Longest JSON text the embedded store's RECOMMENDATIONS column holds. */
    public static final int H2_MAX_JSON_CHARS = 1_000_000;

    private LookupTable() {}
}
