package io.papi.lookup;

/**
 * The lists table, beside the lookup table: papi's recipe lists (issue 12, docs/recipes.md), one row per
 * (list, key). {@code LIST_NAME} is a list (most-viewed, best-sellers, most-popular, trending, bought-together,
 * also-viewed, similar, seen); {@code LIST_KEY} the seed item's id, a user's id for {@code seen}, or
 * {@link #GLOBAL_KEY} for a global list; {@code ITEMS} a JSON array, best first, of
 * {@code {"item_id": "..", "score": n}}. H2 holds ITEMS as text; Snowflake as a VARIANT in a hybrid table
 * (sql/12_lists_table.sql), read with TO_JSON. Both keys are always bound as parameters.
 */
public final class ListsTable {
    public static final String DEFAULT_NAME = "PAPI_LISTS";
    public static final String LIST_NAME = "LIST_NAME";
    public static final String LIST_KEY = "LIST_KEY";
    public static final String ITEMS = "ITEMS";
    /** The key of a global list's one row; keys are scoped by list, so an item called "_" cannot collide with it. */
    public static final String GLOBAL_KEY = "_";
    /** Personalize's limit on item and user ids. */
    public static final int KEY_CHARS = LookupTable.KEY_CHARS;

    public static final int NAME_CHARS = 64;
    /** Longest JSON text H2's ITEMS column holds. */
    public static final int H2_MAX_JSON_CHARS = 1_000_000;

    private ListsTable() {}

    public static String h2(TableName table) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (" + LIST_NAME + " VARCHAR(" + NAME_CHARS
                + ") NOT NULL, "
                + LIST_KEY + " VARCHAR(" + KEY_CHARS + ") NOT NULL, " + ITEMS + " VARCHAR(" + H2_MAX_JSON_CHARS + "), "
                + "PRIMARY KEY (" + LIST_NAME + ", " + LIST_KEY + "))";
    }

    public static String snowflake(TableName table) {
        return "CREATE HYBRID TABLE IF NOT EXISTS " + table.sql() + " (" + LIST_NAME + " VARCHAR(" + NAME_CHARS
                + ") NOT NULL, "
                + LIST_KEY + " VARCHAR(" + KEY_CHARS + ") NOT NULL, " + ITEMS + " VARIANT, "
                + "PRIMARY KEY (" + LIST_NAME + ", " + LIST_KEY + "))";
    }

    /** The reader's point lookup: H2 reads the text, Snowflake renders the VARIANT with TO_JSON. */
    public static String select(TableName table, boolean snowflake) {
        return "SELECT " + (snowflake ? "TO_JSON(" + ITEMS + ")" : ITEMS) + " FROM " + table.sql() + " WHERE "
                + LIST_NAME + " = ? AND " + LIST_KEY + " = ?";
    }
}
