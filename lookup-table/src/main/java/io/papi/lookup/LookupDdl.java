package io.papi.lookup;

/**
 * The statements that create the lookup tables, once for every writer and reader. All are {@code IF NOT EXISTS}:
 * running one again changes nothing, and an existing table keeps its columns (a NUMBER key stays NUMBER).
 *
 * <p>sql/06_hybrid_table.sql and sql/recommender/itemknn.sql hold the same Snowflake statements for numeric ids;
 * a test in this module checks that they agree.
 */
public final class LookupDdl {
    private LookupDdl() {}

    /**
     * The embedded store's table: {@code USER_ID VARCHAR(256) PRIMARY KEY, RECOMMENDATIONS VARCHAR(1000000)} holding
     * JSON text. The key is text whatever the ids are: H2 compares text with text, so numeric and other ids both work.
     */
    public static String h2(TableName table) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (" + LookupTable.USER_ID + " VARCHAR("
                + LookupTable.KEY_CHARS + ") PRIMARY KEY, " + LookupTable.RECOMMENDATIONS + " VARCHAR("
                + LookupTable.H2_MAX_JSON_CHARS + "))";
    }

    /** Snowflake's hybrid lookup table, read by primary key: {@code USER_ID <key> NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT}. */
    public static String snowflakeLookup(TableName table, KeyType key) {
        return "CREATE HYBRID TABLE IF NOT EXISTS " + table.sql() + " (" + LookupTable.USER_ID + " "
                + key.snowflakeType() + " NOT NULL PRIMARY KEY, " + LookupTable.RECOMMENDATIONS + " VARIANT)";
    }

    /** Snowflake's standard batch table, written before the lookup table: {@code USER_ID <key>, RECOMMENDATIONS VARIANT}. */
    public static String snowflakeBatch(TableName table, KeyType key) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (" + LookupTable.USER_ID + " " + key.snowflakeType()
                + ", " + LookupTable.RECOMMENDATIONS + " VARIANT)";
    }
}
