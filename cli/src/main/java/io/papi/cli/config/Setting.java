package io.papi.cli.config;

import java.util.Optional;

/**
 * Every setting papi reads, declared once: its flag, its environment variable, its key in a Snowflake CLI
 * connection (connections.toml / config.toml) and its default. Precedence, {@code --help} texts and
 * docs/configuration.md all read this table; a test keeps the three in agreement.
 */
public enum Setting {
    CONNECTION("-c, --connection", "SNOWFLAKE_DEFAULT_CONNECTION_NAME", null, null,
            "Named connection in connections.toml / config.toml (default: default_connection_name)"),
    ACCOUNT("--account", "SNOWFLAKE_ACCOUNT", "account", null,
            "Account identifier: ORGNAME-ACCOUNTNAME or a locator such as xy12345.us-east-1.aws"),
    USER("--user", "SNOWFLAKE_USER", "user", null, "User's LOGIN_NAME"),
    ROLE("--role", "SNOWFLAKE_ROLE", "role", null, "Role for the session (case-sensitive)"),
    PRIVATE_KEY("--private-key", "SNOWFLAKE_PRIVATE_KEY_PATH", "private_key_file", null,
            "Private key file (PKCS#8 or PKCS#1 PEM, plain or encrypted)"),
    PASSPHRASE_FILE("--passphrase-file", null, null, null,
            "File holding the private key's passphrase (never pass a passphrase as an argument)"),
    PASSPHRASE(null, "PRIVATE_KEY_PASSPHRASE", "private_key_file_pwd", null,
            "Passphrase of an encrypted private key"),
    PASSWORD(null, "SNOWFLAKE_PASSWORD", "password", null,
            "Password for the JDBC connection of `papi user` when no private key is configured"),
    WAREHOUSE(null, "SNOWFLAKE_WAREHOUSE", "warehouse", null, "Warehouse for JDBC sessions"),
    DATABASE(null, "SNOWFLAKE_DATABASE", "database", null, "Database for JDBC sessions"),
    SCHEMA(null, "SNOWFLAKE_SCHEMA", "schema", null, "Schema for JDBC sessions"),
    HOST(null, "SNOWFLAKE_HOST", "host", null, "Account host name (default <account>.snowflakecomputing.com)"),
    ENDPOINT("--endpoint", "PAPI_ENDPOINT", null, null,
            "Ingress host of the SPCS endpoint (ingress_url from SHOW ENDPOINTS IN SERVICE)"),
    TOKEN_URL("--token-url", "PAPI_TOKEN_URL", null, "https://<account host>/oauth/token",
            "Whole URL of the token endpoint (private link, tests, the local stand-in)"),
    JWT_LIFETIME("--lifetime", "PAPI_JWT_LIFETIME", null, "59m", "Lifetime of a key-pair JWT (at most 1h)"),
    TIMEOUT("--timeout", "PAPI_TIMEOUT", null, "10s", "Timeout of one call to the token endpoint"),
    TOKEN_LIFETIME("--default-token-lifetime", "PAPI_TOKEN_LIFETIME", null, "10m",
            "Assumed session-token lifetime when the token carries no exp claim"),
    API_HOST("--host", "PAPI_API_HOST", null, "0.0.0.0", "Address the lookup API listens on (papi serve)"),
    API_PORT("--port", "PAPI_API_PORT", null, "8001", "Port of the lookup API (papi serve)"),
    STORE("--store", "PAPI_STORE", null, "h2", "Where the API reads recommendations: h2 (the local account's embedded store) or snowflake"),
    TABLE("--table", "PAPI_TABLE", null, "MOVIE_RECOMMENDATIONS_HYBRID", "Lookup table (USER_ID primary key, RECOMMENDATIONS JSON)"),
    CACHE_TTL("--cache-ttl", "PAPI_CACHE_TTL", null, "180s", "How long the API caches one id's answer; 0 turns the cache off"),
    AUTH("--auth", "PAPI_AUTH", null, "none", "Ingress authentication of papi serve: none (SPCS authenticates) or local (local session tokens)"),
    LOCAL_DIR("--local-dir", "PAPI_LOCAL_DIR", null, "$PAPI_HOME/local",
            "Directory of the local account (users, signing key, the embedded store)"),
    HOME(null, "PAPI_HOME", null, "~/.papi", "papi's state directory: keys, the local account"),
    SNOWFLAKE_HOME(null, "SNOWFLAKE_HOME", null, "~/.snowflake, else ~/.config/snowflake",
            "Directory of connections.toml and config.toml");

    private final String flag;
    private final String env;
    private final String connectionKey;
    private final String defaultValue;
    private final String description;

    Setting(String flag, String env, String connectionKey, String defaultValue, String description) {
        this.flag = flag;
        this.env = env;
        this.connectionKey = connectionKey;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    public Optional<String> env() {
        return Optional.ofNullable(env);
    }

    public Optional<String> connectionKey() {
        return Optional.ofNullable(connectionKey);
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }
}
