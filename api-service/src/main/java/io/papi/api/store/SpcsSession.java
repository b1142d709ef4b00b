package io.papi.api.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * How a container in Snowpark Container Services connects to Snowflake: the environment SPCS sets
 * ({@code SNOWFLAKE_HOST}, {@code SNOWFLAKE_ACCOUNT}, {@code SNOWFLAKE_DATABASE}, {@code SNOWFLAKE_SCHEMA}, and
 * optionally {@code SNOWFLAKE_PORT}) and the OAuth token file {@code /snowflake/session/token}, which SPCS
 * rotates every few minutes. The JDBC URL is {@code jdbc:snowflake://$SNOWFLAKE_HOST}; the properties are
 * {@code account}, {@code authenticator=oauth}, {@code token}, {@code db}, {@code schema}. No warehouse: the
 * service's QUERY_WAREHOUSE applies.
 */
public final class SpcsSession {
    static final String[] REQUIRED = {"SNOWFLAKE_HOST", "SNOWFLAKE_ACCOUNT", "SNOWFLAKE_DATABASE", "SNOWFLAKE_SCHEMA"};

    private final String url;
    private final Properties base;
    private final Path tokenFile;

    private SpcsSession(String url, Properties base, Path tokenFile) {
        this.url = url;
        this.base = base;
        this.tokenFile = tokenFile;
    }

    /**
     * @throws IllegalArgumentException naming the first missing variable
     */
    public static SpcsSession fromEnvironment(Map<String, String> env, Path tokenFile) {
        for (String name : REQUIRED) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is not set: SPCS sets it inside a service container; "
                        + "outside SPCS connect with a JDBC URL and key-pair properties instead");
            }
        }
        String port = env.get("SNOWFLAKE_PORT");
        String url = "jdbc:snowflake://" + env.get("SNOWFLAKE_HOST")
                + (port == null || port.isBlank() ? "" : ":" + port.trim());
        Properties base = new Properties();
        base.setProperty("account", env.get("SNOWFLAKE_ACCOUNT"));
        base.setProperty("authenticator", "oauth");
        base.setProperty("db", env.get("SNOWFLAKE_DATABASE"));
        base.setProperty("schema", env.get("SNOWFLAKE_SCHEMA"));
        SnowflakeSessionDefaults.apply(base);
        return new SpcsSession(url, base, tokenFile);
    }

    public String url() {
        return url;
    }

    /** The properties for one new connection, with the token file read now. */
    public Properties connectionProperties() throws SQLException {
        Properties props = new Properties();
        props.putAll(base);
        props.setProperty("token", readToken());
        return props;
    }

    /**
     * Reads the token file once, to fail at start with the reason rather than at the first lookup.
     *
     * @throws IllegalStateException naming the file and what is wrong with it (never its content)
     */
    public static void checkTokenFile(Path tokenFile) {
        try {
            readToken(tokenFile);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String readToken() throws SQLException {
        return readToken(tokenFile);
    }

    private static String readToken(Path tokenFile) throws SQLException {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new SQLException("the SPCS session token file " + tokenFile + " does not exist: this store reads it "
                    + "inside a Snowpark Container Services container only");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SQLException(
                    "the SPCS session token file " + tokenFile + " is not readable by this process (uid of the "
                            + "container user): SPCS mounts it for the container; check the image's USER");
        } catch (IOException e) {
            throw new SQLException("cannot read SPCS session token file " + tokenFile + ": " + e.getMessage());
        }
        if (token.isEmpty()) {
            throw new SQLException("the SPCS session token file " + tokenFile + " is empty");
        }
        return token;
    }

    @Override
    public String toString() {
        return "SPCS session " + url + " (token from " + tokenFile + ")";
    }
}
