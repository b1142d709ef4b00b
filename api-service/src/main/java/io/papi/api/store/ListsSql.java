package io.papi.api.store;

import io.papi.lookup.TableName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the API reads the lists table that {@code papi recommend lists --publish} writes, by the lookup-table
 * contract ({@link io.papi.lookup.ListsTable}): one point lookup with LIST_NAME and LIST_KEY bound.
 */
public final class ListsSql {
    /** The lists table's default name. */
    public static final String DEFAULT_TABLE = io.papi.lookup.ListsTable.DEFAULT_NAME;

    private final String select;

    private ListsSql(String select) {
        this.select = select;
    }

    public static ListsSql h2(TableName table) {
        return new ListsSql(io.papi.lookup.ListsTable.select(table, false));
    }

    /** ITEMS is a VARIANT there: TO_JSON renders it as compact JSON text. */
    public static ListsSql snowflake(TableName table) {
        return new ListsSql(io.papi.lookup.ListsTable.select(table, true));
    }

    /** The H2 table, created when absent so that a fresh local store answers 404 for lists rather than failing. */
    public static String h2Create(TableName table) {
        return io.papi.lookup.ListsTable.h2(table);
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
