package io.papi.api.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the API reads the lists table that {@code papi recommend lists --publish} writes:
 * {@code PAPI_LISTS (LIST_NAME, LIST_KEY, ITEMS)}, primary key (LIST_NAME, LIST_KEY), one point lookup with both
 * bound. The names match the lists module's ListsTable; keep them in step until the lookup-table module owns both.
 */
public final class ListsSql {
    /** The lists table's default name. */
    public static final String DEFAULT_TABLE = "PAPI_LISTS";

    private final String select;

    private ListsSql(String select) {
        this.select = select;
    }

    public static ListsSql h2(TableName table) {
        return new ListsSql("SELECT ITEMS FROM " + table.sql() + " WHERE LIST_NAME = ? AND LIST_KEY = ?");
    }

    /** ITEMS is a VARIANT there: TO_JSON renders it as compact JSON text. */
    public static ListsSql snowflake(TableName table) {
        return new ListsSql("SELECT TO_JSON(ITEMS) FROM " + table.sql() + " WHERE LIST_NAME = ? AND LIST_KEY = ?");
    }

    /** The H2 table, created when absent so that a fresh local store answers 404 for lists rather than failing. */
    public static String h2Create(TableName table) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (LIST_NAME VARCHAR(64) NOT NULL, LIST_KEY VARCHAR(256)"
                + " NOT NULL, ITEMS VARCHAR(1000000), PRIMARY KEY (LIST_NAME, LIST_KEY))";
    }

    public String select() {
        return select;
    }

    /** Runs the prepared {@link #select()}: the stored JSON, or null when there is no such row. */
    static String run(PreparedStatement statement, String list, String key) throws SQLException {
        statement.setString(1, list);
        statement.setString(2, key);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
