package io.papi.api.store;

import io.papi.lookup.KeyType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a prepared lookup: binds the ids as the key's type, padded to {@link LookupSql#bucket}, reads id to JSON text.
 * Shared by the stores, which pass only ids the key can hold ({@link #matchable}).
 */
final class LookupRows {
    private LookupRows() {}

    static Map<String, String> run(PreparedStatement statement, List<String> ids, KeyType key) throws SQLException {
        int placeholders = LookupSql.bucket(ids.size());
        for (int i = 0; i < placeholders; i++) {
            String id = ids.get(Math.min(i, ids.size() - 1));
            if (key == KeyType.NUMBER) {
                statement.setBigDecimal(i + 1, new BigDecimal(id));
            } else {
                statement.setString(i + 1, id);
            }
        }
        Map<String, String> found = new HashMap<>(ids.size() * 2);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        }
        return found;
    }

    /**
     * The ids a key of this type can hold ({@link KeyType#holds}); the others are not looked up, so they are simply
     * not found instead of failing the query for every id asked with them.
     */
    static List<String> matchable(List<String> ids, KeyType key) {
        if (key == KeyType.VARCHAR) {
            return ids;
        }
        List<String> held = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (key.holds(id)) {
                held.add(id);
            }
        }
        return held.size() == ids.size() ? ids : held;
    }

    /** Runs a {@code SELECT COUNT(*)} with a timeout. */
    static long count(java.sql.Connection connection, String sql, Duration timeout) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(seconds(timeout));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** A JDBC query timeout: whole seconds, at least one. */
    static int seconds(Duration timeout) {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    /** An exception as one line with its SQLState, for logs and StoreException messages. */
    static String describe(Exception e) {
        String state =
                e instanceof SQLException s && s.getSQLState() != null ? " [SQLState " + s.getSQLState() + "]" : "";
        return e.getClass().getSimpleName() + state + ": " + e.getMessage();
    }
}
