package io.papi.api.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The HikariCP pools papi's Snowflake store runs on. Common to all: a pool starts even when the database is down
 * ({@code initializationFailTimeout = -1}), so the API comes up, reports not-ready, and recovers by itself once
 * the database answers; borrowing a connection gives up after two seconds, the API's default store timeout; a
 * connection that failed as dead is evicted at once ({@link BrokenConnectionPolicy}).
 */
public final class ConnectionPools {
    /** Snowflake: well under an hour, the lifetime of an SPCS OAuth token; SPCS rotates the token file sooner. */
    static final Duration SNOWFLAKE_MAX_LIFETIME = Duration.ofMinutes(10);

    static final int SNOWFLAKE_POOL_SIZE = 16;

    private ConnectionPools() {}

    /**
     * A pool over Snowflake connections made by {@code connections}; each new physical connection asks it for
     * fresh properties (the SPCS token file is re-read).
     */
    public static HikariDataSource snowflake(DataSource connections) {
        HikariConfig config = common("papi-snowflake", SNOWFLAKE_POOL_SIZE);
        config.setDataSource(connections);
        config.setMinimumIdle(2);
        config.setMaxLifetime(SNOWFLAKE_MAX_LIFETIME.toMillis());
        config.setKeepaliveTime(Duration.ofMinutes(4).toMillis());
        config.setIdleTimeout(Duration.ofMinutes(5).toMillis());
        return new HikariDataSource(config);
    }

    /** Settings every papi pool shares; public so that benchmarks build their comparison pools alike. */
    public static HikariConfig common(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.setExceptionOverride(new BrokenConnectionPolicy());
        return config;
    }
}
