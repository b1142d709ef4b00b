package io.papi.local.store;

import io.papi.local.files.H2Password;
import io.papi.local.files.PrivateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The user registry's H2 file database. Opened with {@code AUTO_SERVER=TRUE}: the first process to open the file
 * serves it, and a second process (the CLI adding a user while {@code papi local} runs) reaches it through that
 * server instead of failing on the file lock.
 */
public final class UserDatabase implements AutoCloseable {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS LOCAL_USERS (
              NAME VARCHAR(255) PRIMARY KEY,
              DEFAULT_ROLE VARCHAR(255) NOT NULL,
              RSA_PUBLIC_KEY VARCHAR(8192),
              RSA_PUBLIC_KEY_FP VARCHAR(64),
              RSA_PUBLIC_KEY_2 VARCHAR(8192),
              RSA_PUBLIC_KEY_2_FP VARCHAR(64),
              CREATED_ON TIMESTAMP(3) WITH TIME ZONE NOT NULL,
              UPDATED_ON TIMESTAMP(3) WITH TIME ZONE NOT NULL)""";
    private static final String COLUMNS = "NAME, DEFAULT_ROLE, RSA_PUBLIC_KEY, RSA_PUBLIC_KEY_FP, RSA_PUBLIC_KEY_2, "
            + "RSA_PUBLIC_KEY_2_FP, CREATED_ON, UPDATED_ON";
    private static final String DUPLICATE_KEY = "23505";
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private final JdbcConnectionPool pool;
    private final Path file;

    private UserDatabase(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Opens (creating if absent) the database whose H2 base name is {@code base} ({@code base.mv.db} on disk).
     *
     * <p>AUTO_SERVER listens on every interface unless H2's {@code h2.bindAddress} says otherwise; it is set to
     * loopback here (unless the caller chose a value), which works only if no H2 class has been loaded yet in this
     * JVM, as H2 reads its system properties once.
     */
    public static UserDatabase open(Path base) {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        String path = base.toAbsolutePath().toString();
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException(
                    "local account directory " + path + " contains ';', which H2 cannot open: use another directory");
        }
        String url = "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE";
        String password;
        try {
            // an older papi opened the registry as "sa" with an empty password
            password = H2Password.forDatabase(Path.of(path), url, "sa");
        } catch (IOException e) {
            throw new IllegalStateException("cannot open user registry " + path + ".mv.db: " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, H2Password.USER, password);
        pool.setMaxConnections(8);
        UserDatabase database = new UserDatabase(pool, Path.of(path + ".mv.db"));
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        } catch (SQLException e) {
            pool.dispose();
            throw new IllegalStateException("cannot open user registry " + database.file + ": " + e.getMessage(), e);
        }
        try {
            if (Files.exists(database.file)) {
                PrivateFile.restrictToOwner(database.file);
            }
        } catch (IOException e) {
            // the directory is 0700 already; the file's own mode is a second fence
        }
        return database;
    }

    /** The user named {@code name} exactly (already a normalised login name). */
    public Optional<StoredUser> find(String name) {
        try (Connection connection = pool.getConnection()) {
            return select(connection, name, false);
        } catch (SQLException e) {
            throw failure("read user " + name, e);
        }
    }

    /** Every user, by name. */
    public List<StoredUser> all() {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM LOCAL_USERS ORDER BY NAME");
                ResultSet rows = statement.executeQuery()) {
            List<StoredUser> users = new ArrayList<>();
            while (rows.next()) {
                users.add(read(rows));
            }
            return users;
        } catch (SQLException e) {
            throw failure("list users", e);
        }
    }

    /** What a {@link #modify} found and left. */
    public record Write(Optional<StoredUser> before, Optional<StoredUser> after) {}

    /**
     * Reads the user under a row lock, asks {@code change} for the row it should become (empty: no such user), and
     * writes the difference, in one transaction, so two processes creating the same user end with one row. An
     * exception from {@code change} rolls back and propagates.
     */
    public Write modify(String name, Function<Optional<StoredUser>, Optional<StoredUser>> change) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Optional<StoredUser> before = select(connection, name, true);
                    Optional<StoredUser> after = change.apply(before);
                    if (!after.equals(before)) {
                        if (after.isEmpty()) {
                            delete(connection, name);
                        } else if (before.isEmpty()) {
                            insert(connection, after.get());
                        } else {
                            update(connection, after.get());
                        }
                    }
                    connection.commit();
                    return new Write(before, after);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // another process inserted the same user between our read and our insert: decide again on its row
                if (DUPLICATE_KEY.equals(e.getSQLState()) && attempt == 1) {
                    continue;
                }
                throw failure("change user " + name, e);
            }
        }
    }

    private static Optional<StoredUser> select(Connection connection, String name, boolean forUpdate)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM LOCAL_USERS WHERE NAME = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection connection, StoredUser user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO LOCAL_USERS (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, user.name());
            bindRest(statement, user, 2);
            statement.executeUpdate();
        }
    }

    private static void update(Connection connection, StoredUser user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE LOCAL_USERS SET DEFAULT_ROLE = ?, RSA_PUBLIC_KEY = ?, RSA_PUBLIC_KEY_FP = ?, RSA_PUBLIC_KEY_2 = ?, "
                        + "RSA_PUBLIC_KEY_2_FP = ?, CREATED_ON = ?, UPDATED_ON = ? WHERE NAME = ?")) {
            bindRest(statement, user, 1);
            statement.setString(8, user.name());
            statement.executeUpdate();
        }
    }

    private static void delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM LOCAL_USERS WHERE NAME = ?")) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }

    // binds DEFAULT_ROLE .. UPDATED_ON (seven parameters) starting at index 'first'
    private static void bindRest(PreparedStatement statement, StoredUser user, int first) throws SQLException {
        statement.setString(first, user.defaultRole());
        statement.setString(first + 1, user.key1() == null ? null : user.key1().base64Der());
        statement.setString(first + 2, user.key1() == null ? null : user.key1().fingerprint());
        statement.setString(first + 3, user.key2() == null ? null : user.key2().base64Der());
        statement.setString(first + 4, user.key2() == null ? null : user.key2().fingerprint());
        statement.setObject(first + 5, OffsetDateTime.ofInstant(user.createdOn(), ZoneOffset.UTC));
        statement.setObject(first + 6, OffsetDateTime.ofInstant(user.updatedOn(), ZoneOffset.UTC));
    }

    private static StoredUser read(ResultSet row) throws SQLException {
        return new StoredUser(
                row.getString("NAME"),
                row.getString("DEFAULT_ROLE"),
                key(row.getString("RSA_PUBLIC_KEY"), row.getString("RSA_PUBLIC_KEY_FP")),
                key(row.getString("RSA_PUBLIC_KEY_2"), row.getString("RSA_PUBLIC_KEY_2_FP")),
                instant(row, "CREATED_ON"),
                instant(row, "UPDATED_ON"));
    }

    private static StoredKey key(String der, String fingerprint) {
        return der == null ? null : new StoredKey(der, fingerprint);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("user registry " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }

    /** The database file on disk. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
