package io.papi.api;

import com.zaxxer.hikari.HikariDataSource;
import io.papi.api.store.ConnectionPools;
import io.papi.api.store.DriverDataSource;
import io.papi.api.store.JdbcRecommendationStore;
import io.papi.api.store.LookupSql;
import io.papi.api.store.SnowflakeSessionDefaults;
import io.papi.api.store.SpcsSession;
import io.papi.api.store.ThreadConfinedJdbcStore;
import io.papi.lookup.KeyType;
import io.papi.lookup.LookupDdl;
import io.papi.lookup.TableName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The stores papi serves from, and the Snowflake connection pools they run on.
 *
 * <pre>{@code
 * // locally: the embedded database the recommender publishes into
 * RecommendationStore store = Stores.h2("jdbc:h2:file:" + dir + "/store;AUTO_SERVER=TRUE", LookupTable.DEFAULT_NAME);
 * // inside SPCS: the hybrid table, as the service's own identity
 * RecommendationStore store = Stores.snowflake(
 *         Stores.spcsDataSource(System.getenv(), Stores.SPCS_TOKEN_FILE), LookupTable.DEFAULT_NAME);
 * }</pre>
 */
public final class Stores {
    /** Where SPCS mounts the service's OAuth token, rotated every few minutes. */
    public static final Path SPCS_TOKEN_FILE = Path.of("/snowflake/session/token");
    /** snowflake-jdbc 4.x's driver class (the old {@code net.snowflake.client.jdbc.SnowflakeDriver} extends it). */
    public static final String SNOWFLAKE_DRIVER = "net.snowflake.client.api.driver.SnowflakeDriver";

    private Stores() {}

    /**
     * The embedded store: the lookup table as {@link LookupDdl#h2} defines it, holding JSON text, created when absent so that an empty store answers with empty results. Each thread that
     * looks up keeps its own connection and prepared statements (the server uses a fixed set of store threads).
     *
     * @param jdbcUrl an H2 URL, such as {@code jdbc:h2:file:<dir>/store;AUTO_SERVER=TRUE}
     * @throws IllegalArgumentException for a URL that is not H2's or a table name that is not an identifier
     * @throws StoreException when the database cannot be opened to create the table
     */
    public static RecommendationStore h2(String jdbcUrl, String table) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            String shown = jdbcUrl.split(";", 2)[0];
            throw new IllegalArgumentException("the h2 store needs a URL starting with jdbc:h2: (got " + shown + ")");
        }
        TableName name = TableName.of(table);
        Driver h2 = new org.h2.Driver();
        try (Connection c = h2.connect(jdbcUrl, new Properties());
                Statement s = c.createStatement()) {
            s.execute(LookupDdl.h2(name));
            s.execute(io.papi.api.store.ListsSql.h2Create(TableName.of(io.papi.api.store.ListsSql.DEFAULT_TABLE)));
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot open the h2 store at " + jdbcUrl.split(";", 2)[0] + ": " + e.getMessage(), e);
        }
        return new ThreadConfinedJdbcStore(
                () -> h2.connect(jdbcUrl, new Properties()),
                new LookupSql(name, LookupSql.Dialect.H2),
                "h2 store " + name);
    }

    /**
     * The Snowflake hybrid table with the guide's NUMBER key ({@link LookupDdl#snowflakeLookup}), read with
     * {@code SELECT USER_ID, TO_JSON(RECOMMENDATIONS) ... WHERE USER_ID IN (?, ...)}. The store takes ownership of
     * {@code dataSource}: closing the store closes it when it is closeable (as the pools made here are).
     */
    public static RecommendationStore snowflake(DataSource dataSource, String table) {
        return snowflake(dataSource, table, KeyType.NUMBER);
    }

    /**
     * As {@link #snowflake(DataSource, String)} for a table whose USER_ID has type {@code key}: ids are bound as that
     * type, and ids it cannot hold (letters against a NUMBER key) are not looked up, so they are simply not found
     * instead of failing the query for every id asked with them.
     */
    public static RecommendationStore snowflake(DataSource dataSource, String table, KeyType key) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(key, "key");
        TableName name = TableName.of(table);
        AutoCloseable onClose = dataSource instanceof AutoCloseable c ? c : () -> {};
        return new JdbcRecommendationStore(
                dataSource, new LookupSql(name, LookupSql.Dialect.SNOWFLAKE), key, onClose, "snowflake store " + name);
    }

    /**
     * A pooled DataSource for use inside an SPCS service: URL {@code jdbc:snowflake://$SNOWFLAKE_HOST}, properties
     * {@code account}, {@code authenticator=oauth}, {@code token}, {@code db}, {@code schema} from {@code env},
     * the token read from {@code tokenFile} afresh for every new physical connection; connections live at most
     * 10 minutes, well within the token's lifetime.
     *
     * @param env the process environment ({@code System.getenv()})
     * @param tokenFile normally {@link #SPCS_TOKEN_FILE}
     * @throws IllegalArgumentException naming the first required variable that is missing
     */
    public static DataSource spcsDataSource(Map<String, String> env, Path tokenFile) {
        SpcsSession session = SpcsSession.fromEnvironment(env, tokenFile);
        return spcsPool(session, snowflakeDriver());
    }

    /**
     * Reads the SPCS token file once, so that a service that cannot read it stops at start with the reason.
     *
     * @throws IllegalStateException naming the file and the problem (missing, unreadable, empty), never its content
     */
    public static void checkSpcsTokenFile(Path tokenFile) {
        SpcsSession.checkTokenFile(tokenFile);
    }

    /** As {@link #spcsDataSource(Map, Path)} with the given driver (tests use one that records what it gets). */
    static HikariDataSource spcsDataSource(Map<String, String> env, Path tokenFile, Driver driver) {
        return spcsPool(SpcsSession.fromEnvironment(env, tokenFile), driver);
    }

    private static HikariDataSource spcsPool(SpcsSession session, Driver driver) {
        return ConnectionPools.snowflake(
                new DriverDataSource(driver, session.url(), session::connectionProperties, session.toString()));
    }

    /**
     * A pooled DataSource outside SPCS: the CLI's JDBC URL and properties (key-pair auth:
     * {@code authenticator=SNOWFLAKE_JWT} with {@code privateKey} or {@code private_key_file}). The properties
     * object is handed to the driver as is, so a {@code PrivateKey} value works; it is copied now, so later changes
     * by the caller do not leak in.
     */
    public static DataSource snowflakeDataSource(String jdbcUrl, Properties props) {
        checkSnowflakeUrl(jdbcUrl);
        return snowflakeDataSource(jdbcUrl, props, snowflakeDriver());
    }

    static HikariDataSource snowflakeDataSource(String jdbcUrl, Properties props, Driver driver) {
        checkSnowflakeUrl(jdbcUrl);
        Objects.requireNonNull(props, "props");
        Properties fixed = new Properties();
        fixed.putAll(props);
        SnowflakeSessionDefaults.apply(fixed);
        String description = "Snowflake " + jdbcUrl.split("\\?", 2)[0];
        return ConnectionPools.snowflake(new DriverDataSource(
                driver,
                jdbcUrl,
                () -> {
                    Properties copy = new Properties();
                    copy.putAll(fixed);
                    return copy;
                },
                description));
    }

    private static void checkSnowflakeUrl(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:snowflake://")) {
            // only up to '?': parameters may carry credentials
            throw new IllegalArgumentException(
                    "a Snowflake JDBC URL starts with jdbc:snowflake:// (got " + jdbcUrl.split("\\?", 2)[0] + ")");
        }
    }

    private static Driver snowflakeDriver() {
        try {
            return (Driver)
                    Class.forName(SNOWFLAKE_DRIVER).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the Snowflake JDBC driver " + SNOWFLAKE_DRIVER
                            + " is not on the classpath: add net.snowflake:snowflake-jdbc 4.x",
                    e);
        }
    }
}
