package io.papi.api;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Rows of PAPI_LISTS (list name, key, JSON items) as papi recommend lists publishes them. */
final class ListRows {
    static final String INSERT = "INSERT INTO PAPI_LISTS VALUES (?, ?, ?)";

    private ListRows() {}

    /** Inserts one row through {@code insert}, a statement prepared from {@link #INSERT}. */
    static void insert(PreparedStatement insert, String list, String key, String json) throws SQLException {
        insert.setString(1, list);
        insert.setString(2, key);
        insert.setString(3, json);
        insert.executeUpdate();
    }
}
