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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RecommendationStore} for the embedded database: each calling thread keeps one connection of its own
 * with its prepared lookup statements, so a lookup is bind, execute, read. The server calls stores from a fixed
 * set of threads, so the connections are as many as those threads.
 *
 * <p>Measured against a HikariCP pool over the same H2 database (docs/performance/api-service.md): borrowing a
 * pooled connection and preparing the statement for every lookup cost about as much CPU again as the query.
 * A connection that fails is closed and replaced on the thread's next lookup, so the store recovers by itself.
 */
public final class ThreadConfinedJdbcStore implements RecommendationStore {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadConfinedJdbcStore.class);

    /** Opens one new connection. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** One thread's connection and its statements, by placeholder count (see {@link LookupSql#bucket}). */
    private static final class Session {
        final Connection connection;
        final PreparedStatement[] lookups = new PreparedStatement[31];
        PreparedStatement list;

        Session(Connection connection) {
            this.connection = connection;
        }
    }

    private final ConnectionFactory connections;
    private final LookupSql sql;
    private final String name;
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Session> mine = new ThreadLocal<>();
    private volatile boolean closed;

    private final ListsSql lists;

    public ThreadConfinedJdbcStore(ConnectionFactory connections, LookupSql sql, String name) {
        this(connections, sql, ListsSql.h2(TableName.of(ListsSql.DEFAULT_TABLE)), name);
    }

    public ThreadConfinedJdbcStore(ConnectionFactory connections, LookupSql sql, ListsSql lists, String name) {
        this.connections = connections;
        this.sql = sql;
        this.lists = lists;
        this.name = name;
    }

    @Override
    public String list(String list, String key) {
        Session session = null;
        try {
            session = session();
            if (session.list == null) {
                session.list = session.connection.prepareStatement(lists.select());
                session.list.setQueryTimeout(JdbcRecommendationStore.QUERY_TIMEOUT_SECONDS);
            }
            return ListsSql.run(session.list, list, key);
        } catch (SQLException e) {
            discard(session);
            throw new StoreException(name + " list lookup failed: " + LookupRows.describe(e), e);
        }
    }

    @Override
    public Map<String, String> lookup(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Session session = null;
        try {
            session = session();
            int placeholders = LookupSql.bucket(ids.size());
            PreparedStatement statement = statement(session, ids.size(), placeholders);
            return LookupRows.run(statement, ids, KeyType.VARCHAR);
        } catch (SQLException e) {
            discard(session);
            throw new StoreException(name + " lookup failed: " + LookupRows.describe(e), e);
        }
    }

    @Override
    public boolean ping(Duration timeout) {
        Session session = null;
        try {
            session = session();
            try (PreparedStatement statement = session.connection.prepareStatement(sql.ping())) {
                statement.setQueryTimeout(LookupRows.seconds(timeout));
                statement.executeQuery().close();
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            discard(session);
            LOG.warn("{} ping failed: {}", name, LookupRows.describe(e));
            return false;
        }
    }

    @Override
    public OptionalLong rowCount(Duration timeout) {
        Session session = null;
        try {
            session = session();
            return OptionalLong.of(LookupRows.count(session.connection, sql.count(), timeout));
        } catch (SQLException e) {
            discard(session);
            throw new StoreException(name + " cannot count its rows: " + LookupRows.describe(e), e);
        }
    }

    private Session session() throws SQLException {
        if (closed) {
            throw new SQLException(name + " is closed");
        }
        Session session = mine.get();
        if (session == null) {
            session = new Session(connections.open());
            open.add(session);
            mine.set(session);
            if (closed) {
                // close() ran while this connection was being opened
                discard(session);
                throw new SQLException(name + " is closed");
            }
        }
        return session;
    }

    private PreparedStatement statement(Session session, int ids, int placeholders) throws SQLException {
        int slot = Integer.numberOfTrailingZeros(placeholders);
        PreparedStatement statement = session.lookups[slot];
        if (statement == null) {
            statement = session.connection.prepareStatement(sql.lookup(ids));
            statement.setQueryTimeout(JdbcRecommendationStore.QUERY_TIMEOUT_SECONDS);
            session.lookups[slot] = statement;
        }
        return statement;
    }

    /** Closes a session that failed (or all, at close) so the thread opens a fresh one next time. */
    private void discard(Session session) {
        if (session == null) {
            return;
        }
        if (mine.get() == session) {
            mine.remove();
        }
        if (open.remove(session)) {
            try {
                session.connection.close();
            } catch (SQLException e) {
                LOG.debug("closing a failed {} connection: {}", name, e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Session session : open) {
            discard(session);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
