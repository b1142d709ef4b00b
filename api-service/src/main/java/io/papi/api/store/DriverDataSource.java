package io.papi.api.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that asks a {@link Driver} for each new physical connection with properties made afresh for that
 * connection. HikariCP is handed this DataSource, so every connection it opens (at start, after
 * {@code maxLifetime}, after a failure) gets the properties as they are at that moment: inside SPCS, the session
 * token file as it is now, since SPCS rotates it every few minutes.
 *
 * <p>The properties object is passed to the driver as is, so non-string values (a {@code privateKey} object for
 * key-pair auth) survive, which a string-only copy of the properties would lose.
 */
public final class DriverDataSource implements DataSource {

    /** Makes the properties for one new connection. */
    @FunctionalInterface
    public interface ConnectionProperties {
        Properties next() throws SQLException;
    }

    private final Driver driver;
    private final String url;
    private final ConnectionProperties properties;
    private final String description;
    private int loginTimeoutSeconds;

    /**
     * @param description how logs and toString name this source; must hold no secret
     */
    public DriverDataSource(Driver driver, String url, ConnectionProperties properties, String description) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, properties.next());
        if (connection == null) {
            throw new SQLException("the JDBC driver " + driver.getClass().getName() + " does not accept " + url);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the connection properties, not arguments");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through slf4j
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return description;
    }
}
