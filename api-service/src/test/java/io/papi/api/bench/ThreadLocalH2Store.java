package io.papi.api.bench;

import io.papi.api.RecommendationStore;
import io.papi.api.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alternative the benchmark compares the Hikari pool with: one H2 connection per store thread, opened on
 * first use and kept, with its prepared statement. Single-id lookups only, as the bench sends.
 */
final class ThreadLocalH2Store implements RecommendationStore {
    private final String url;
    private final Set<Connection> opened = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<PreparedStatement> statement = new ThreadLocal<>();

    ThreadLocalH2Store(String url) throws SQLException {
        this.url = url;
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS MOVIE_RECOMMENDATIONS_HYBRID "
                    + "(USER_ID VARCHAR(64) PRIMARY KEY, RECOMMENDATIONS VARCHAR(1000000))");
        }
    }

    @Override
    public Map<String, String> lookup(List<String> ids) {
        if (ids.size() != 1) {
            throw new StoreException("the thread-local bench store answers one id at a time");
        }
        try {
            PreparedStatement s = statement.get();
            if (s == null) {
                Connection c = DriverManager.getConnection(url);
                opened.add(c);
                s = c.prepareStatement("SELECT USER_ID, RECOMMENDATIONS FROM MOVIE_RECOMMENDATIONS_HYBRID WHERE USER_ID IN (?)");
                statement.set(s);
            }
            s.setString(1, ids.get(0));
            Map<String, String> found = new HashMap<>(2);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("thread-local h2 lookup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean ping(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at exit
            }
        }
    }

    @Override
    public String toString() {
        return "thread-local h2 store";
    }
}
