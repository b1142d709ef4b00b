package io.papi.api.store;

import io.papi.api.RecommendationStore;
import io.papi.api.StoreException;
import io.papi.lookup.KeyType;
import io.papi.lookup.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RecommendationStore} over a JDBC pool: one bound {@code IN (...)} query per lookup (see
 * {@link LookupSql}). Ids are bound as the key's type ({@link KeyType}): numbers for the guide's NUMBER key, so a
 * non-numeric id never reaches the query and fails it with a conversion error; strings for a VARCHAR key.
 */
public final class JdbcRecommendationStore implements RecommendationStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRecommendationStore.class);
    /** Stops a hung query even when nobody waits for it any more (the server answers 503 long before). */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;
    private final LookupSql sql;
    private final AutoCloseable onClose;
    private final String name;
    private final KeyType key;
    private final ListsSql lists;

    public JdbcRecommendationStore(DataSource dataSource, LookupSql sql, AutoCloseable onClose, String name) {
        this(dataSource, sql, KeyType.VARCHAR, onClose, name);
    }

    /** @param key the type of the table's USER_ID: ids are bound as it, and ids it cannot hold are not looked up */
    public JdbcRecommendationStore(
            DataSource dataSource, LookupSql sql, KeyType key, AutoCloseable onClose, String name) {
        this(dataSource, sql, ListsSql.snowflake(TableName.of(ListsSql.DEFAULT_TABLE)), key, onClose, name);
    }

    public JdbcRecommendationStore(
            DataSource dataSource, LookupSql sql, ListsSql lists, KeyType key, AutoCloseable onClose, String name) {
        this.lists = lists;
        this.key = key;
        this.dataSource = dataSource;
        this.sql = sql;
        this.onClose = onClose;
        this.name = name;
    }

    @Override
    public Map<String, String> lookup(List<String> asked) {
        List<String> ids = LookupRows.matchable(asked, key);
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.lookup(ids.size()))) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            return LookupRows.run(statement, ids, key);
        } catch (SQLException e) {
            throw new StoreException(name + " lookup failed: " + LookupRows.describe(e), e);
        }
    }

    @Override
    public String list(String list, String listKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(lists.select())) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            return ListsSql.run(statement, list, listKey);
        } catch (SQLException e) {
            throw new StoreException(name + " list lookup failed: " + LookupRows.describe(e), e);
        }
    }

    @Override
    public boolean ping(Duration timeout) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.ping())) {
            statement.setQueryTimeout(LookupRows.seconds(timeout));
            statement.executeQuery().close();
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{} ping failed: {}", name, LookupRows.describe(e));
            return false;
        }
    }

    @Override
    public OptionalLong rowCount(Duration timeout) {
        try (Connection connection = dataSource.getConnection()) {
            return OptionalLong.of(LookupRows.count(connection, sql.count(), timeout));
        } catch (SQLException e) {
            throw new StoreException(name + " cannot count its rows: " + LookupRows.describe(e), e);
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
