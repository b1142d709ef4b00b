package io.papi.api.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a prepared lookup: binds the ids padded to {@link LookupSql#bucket}, reads id to JSON text. Shared by the stores. */
final class LookupRows {
    private LookupRows() {
    }

    static Map<String, String> run(PreparedStatement statement, List<String> ids) throws SQLException {
        int placeholders = LookupSql.bucket(ids.size());
        for (int i = 0; i < placeholders; i++) {
            statement.setString(i + 1, ids.get(Math.min(i, ids.size() - 1)));
        }
        Map<String, String> found = new HashMap<>(ids.size() * 2);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        }
        return found;
    }

    /** An exception as one line with its SQLState, for logs and StoreException messages. */
    static String describe(Exception e) {
        String state = e instanceof SQLException s && s.getSQLState() != null ? " [SQLState " + s.getSQLState() + "]" : "";
        return e.getClass().getSimpleName() + state + ": " + e.getMessage();
    }
}
