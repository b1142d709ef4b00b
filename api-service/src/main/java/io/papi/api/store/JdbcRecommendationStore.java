package io.papi.api.store;

import io.papi.api.RecommendationStore;
import io.papi.api.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.lookup(ids.size()))) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            return LookupRows.run(statement, ids);
        } catch (SQLException e) {
            throw new StoreException(name + " lookup failed: " + LookupRows.describe(e), e);
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
            LOG.warn("{} ping failed: {}", name, LookupRows.describe(e));
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


    @Override
    public String toString() {
        return name;
    }
}
