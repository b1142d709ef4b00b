package io.papi.api.store;

import java.util.Properties;

/** Connection properties every papi Snowflake connection gets unless the caller set them. */
public final class SnowflakeSessionDefaults {
    private SnowflakeSessionDefaults() {}

    public static void apply(Properties props) {
        // Arrow results need --add-opens=java.base/java.nio=ALL-UNNAMED on Java 17 (snowflake-jdbc issues
        // #589, #2724); point lookups return a few rows, where JSON results cost nothing and need no JVM flag.
        props.putIfAbsent("JDBC_QUERY_RESULT_FORMAT", "JSON");
        // a stuck login must not hold a pool slot for the driver's default of minutes
        props.putIfAbsent("loginTimeout", "20");
    }
}
