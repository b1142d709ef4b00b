package io.papi.api.store;

import io.papi.api.RecommendationStore;
import io.papi.api.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RecommendationStore} over a JDBC pool: one bound {@code IN (...)} query per lookup (see
 * {@link LookupSql}). Ids are always bound as strings; a NUMBER key column (the Snowflake hybrid table) compares
 * them after casting the bound value, so the primary-key index is still used.
 */
public final class JdbcRecommendationStore implements RecommendationStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRecommendationStore.class);
    /** Stops a hung query even when nobody waits for it any more (the server answers 503 long before). */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;
    private final LookupSql sql;
    private final AutoCloseable onClose;
    private final String name;

    public JdbcRecommendationStore(DataSource dataSource, LookupSql sql, AutoCloseable onClose, String name) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.onClose = onClose;
        this.name = name;
    }

    @Override
    public Map<String, String> lookup(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        int placeholders = LookupSql.bucket(ids.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.lookup(ids.size()))) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
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
        } catch (SQLException e) {
            throw new StoreException(name + " lookup failed: " + describe(e), e);
        }
    }

    @Override
    public boolean ping(Duration timeout) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.ping())) {
            statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            statement.executeQuery().close();
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{} ping failed: {}", name, describe(e));
            return false;
        }
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", name, e.toString());
        }
    }

    private static String describe(Exception e) {
        String state = e instanceof SQLException s && s.getSQLState() != null ? " [SQLState " + s.getSQLState() + "]" : "";
        return e.getClass().getSimpleName() + state + ": " + e.getMessage();
    }

    @Override
    public String toString() {
        return name;
    }
}
