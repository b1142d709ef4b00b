package io.papi.cli.config;

import io.papi.lookup.LookupTable;
import java.util.Optional;

/**
 * Every setting papi reads, declared once: its flag, its environment variable, its key in a Snowflake CLI
 * connection (connections.toml / config.toml) and its default. Precedence, {@code --help} texts and
 * docs/configuration.md all read this table; a test keeps the three in agreement.
 */
public enum Setting {
    CONNECTION(
            "-c, --connection",
            "SNOWFLAKE_DEFAULT_CONNECTION_NAME",
            null,
            null,
            "Named connection in connections.toml / config.toml (default: default_connection_name)"),
    ACCOUNT(
            "--account",
            "SNOWFLAKE_ACCOUNT",
            "account",
            null,
            "Account identifier: ORGNAME-ACCOUNTNAME or a locator such as xy12345.us-east-1.aws"),
    USER("--user", "SNOWFLAKE_USER", "user", null, "User's LOGIN_NAME"),
    ROLE("--role", "SNOWFLAKE_ROLE", "role", null, "Role for the session (case-sensitive)"),
    PRIVATE_KEY(
            "--private-key",
            "SNOWFLAKE_PRIVATE_KEY_PATH",
            "private_key_file",
            null,
            "Private key file (PKCS#8 or PKCS#1 PEM, plain or encrypted)"),
    PASSPHRASE_FILE(
            "--passphrase-file",
            null,
            null,
            null,
            "File holding the private key's passphrase (never pass a passphrase as an argument)"),
    PASSPHRASE(null, "PRIVATE_KEY_PASSPHRASE", "private_key_file_pwd", null, "Passphrase of an encrypted private key"),
    PASSWORD(
            null,
            "SNOWFLAKE_PASSWORD",
            "password",
            null,
            "Password for papi's JDBC logins with authenticator snowflake or username_password_mfa"),
    AUTHENTICATOR(
            "--authenticator",
            "SNOWFLAKE_AUTHENTICATOR",
            "authenticator",
            null,
            "How papi's JDBC logins authenticate: snowflake_jwt (the default with a private key), externalbrowser, "
                    + "username_password_mfa, programmatic_access_token (pat), oauth, snowflake (password only)"),
    PASSCODE(null, "SNOWFLAKE_PASSCODE", "passcode", null, "MFA code for authenticator username_password_mfa"),
    TOKEN(
            null,
            "SNOWFLAKE_TOKEN",
            "token",
            null,
            "Programmatic access token or OAuth token for authenticator programmatic_access_token or oauth"),
    TOKEN_FILE_PATH(
            null,
            "SNOWFLAKE_TOKEN_FILE_PATH",
            "token_file_path",
            null,
            "File holding that token instead (read at each login)"),
    WAREHOUSE(null, "SNOWFLAKE_WAREHOUSE", "warehouse", null, "Warehouse for JDBC sessions"),
    DATABASE(null, "SNOWFLAKE_DATABASE", "database", null, "Database for JDBC sessions"),
    SCHEMA(null, "SNOWFLAKE_SCHEMA", "schema", null, "Schema for JDBC sessions"),
    HOST(null, "SNOWFLAKE_HOST", "host", null, "Account host name (default <account>.snowflakecomputing.com)"),
    ENDPOINT(
            "--endpoint",
            "PAPI_ENDPOINT",
            "papi_endpoint",
            null,
            "Ingress host of the SPCS endpoint (ingress_url from SHOW ENDPOINTS IN SERVICE)"),
    TOKEN_URL(
            "--token-url",
            "PAPI_TOKEN_URL",
            null,
            "https://<account host>/oauth/token",
            "Whole URL of the token endpoint (private link, tests, the local stand-in)"),
    JWT_LIFETIME("--lifetime", "PAPI_JWT_LIFETIME", null, "59m", "Lifetime of a key-pair JWT (at most 1h)"),
    TIMEOUT("--timeout", "PAPI_TIMEOUT", null, "10s", "Timeout of one call to the token endpoint"),
    TOKEN_LIFETIME(
            "--default-token-lifetime",
            "PAPI_TOKEN_LIFETIME",
            null,
            "10m",
            "Assumed session-token lifetime when the token carries no exp claim"),
    BROKER_IDENTITIES(
            "--identity",
            "PAPI_BROKER_IDENTITIES",
            null,
            null,
            "Identities of papi broker as NAME=CONNECTION, repeatable (environment: comma-separated); each connection gives "
                    + "account, user, private_key_file, role and papi_endpoint"),
    BROKER_LISTEN(
            "--listen",
            "PAPI_BROKER_LISTEN",
            null,
            "127.0.0.1:8081",
            "Address of papi broker's token API: HOST:PORT, or unix:/path for a Unix socket (mode 0600, no secret needed)"),
    BROKER_AUTH_TOKEN_FILE(
            "--auth-token-file",
            "PAPI_BROKER_AUTH_TOKEN_FILE",
            null,
            "<PAPI_HOME>/broker/secret",
            "File holding the secret callers of papi broker send as Authorization: Bearer (created 0600 when missing; papi call reads it)"),
    BROKER_NO_CALLER_AUTH(
            "--no-caller-auth",
            "PAPI_BROKER_NO_CALLER_AUTH",
            null,
            "false",
            "papi broker asks token callers for X-Papi-Broker: 1 only, no secret (a pod or container whose network namespace is the boundary)"),
    PROXY_AUTH(
            "--proxy-auth",
            "PAPI_PROXY_AUTH",
            null,
            "false",
            "papi broker's proxy asks for the secret in Proxy-Authorization: Bearer (it is open on loopback otherwise, like kubectl proxy)"),
    TLS_CERT(
            "--tls-cert",
            "PAPI_TLS_CERT",
            null,
            null,
            "PEM certificate chain for papi broker's TCP listeners (required beyond loopback)"),
    TLS_KEY("--tls-key", "PAPI_TLS_KEY", null, null, "PEM PKCS#8 private key of --tls-cert"),
    SINK_FILE(
            "--sink-file",
            "PAPI_SINK_FILE",
            null,
            null,
            "File papi broker rewrites with the token on every refresh (0600, atomic; {identity} for several identities)"),
    HEADER_FILE(
            "--header-file",
            "PAPI_HEADER_FILE",
            null,
            null,
            "File papi broker rewrites with the Authorization header line on every refresh (for curl -H @FILE)"),
    PROXY_LISTEN(
            "--proxy-listen",
            "PAPI_PROXY_LISTEN",
            null,
            null,
            "Address of papi broker's forwarding proxy; off unless this or --proxy-to is given (then 127.0.0.1:8082)"),
    PROXY_TO(
            "--proxy-to",
            "PAPI_PROXY_TO",
            null,
            "https://<endpoint>",
            "Where papi broker's proxy forwards to, with the token added"),
    REFRESH_AT(
            "--refresh-at",
            "PAPI_REFRESH_AT",
            null,
            "0.25",
            "papi broker refreshes when this fraction of a token's life remains (never later than 60 s before expiry)"),
    BROKER_ONCE(
            "--once",
            "PAPI_BROKER_ONCE",
            null,
            "false",
            "papi broker exchanges once, writes the sink files and exits (cron, CI)"),
    BROKER_URL(
            "--broker",
            "PAPI_BROKER_URL",
            null,
            null,
            "A running papi broker that papi call takes its token from, e.g. http://127.0.0.1:8081"),
    BROKER_IDENTITY(
            "--broker-identity",
            "PAPI_BROKER_IDENTITY",
            null,
            null,
            "Which of the broker's identities papi call uses (needed when the broker holds several)"),
    STATUS_API(
            "--api", "PAPI_API_URL", null, "http://127.0.0.1:8001", "The lookup API that papi status asks (off: none)"),
    CALL_TIMEOUT("--max-time", "PAPI_CALL_TIMEOUT", null, "60s", "Longest time papi call may take, token included"),
    API_HOST(
            "--host",
            "PAPI_API_HOST",
            null,
            "127.0.0.1, inside SPCS 0.0.0.0",
            "Address the lookup API listens on (papi serve)"),
    API_PORT("--port", "PAPI_API_PORT", null, "8001", "Port of the lookup API (papi serve)"),
    STORE(
            "--store",
            "PAPI_STORE",
            null,
            "h2",
            "Where the API reads recommendations: h2 (the local account's embedded store) or snowflake"),
    TABLE(
            "--table",
            "PAPI_TABLE",
            null,
            LookupTable.DEFAULT_NAME,
            "Lookup table (USER_ID primary key, RECOMMENDATIONS JSON)"),
    SPCS_TOKEN_FILE(
            null,
            "PAPI_SPCS_TOKEN_FILE",
            null,
            "/snowflake/session/token",
            "The SPCS session token file: papi serve binds 0.0.0.0 when it is present and, with SNOWFLAKE_HOST set, connects with it"),
    CACHE_TTL(
            "--cache-ttl",
            "PAPI_CACHE_TTL",
            null,
            "180s",
            "How long the API caches one id's answer; 0 turns the cache off"),
    AUTH(
            "--auth",
            "PAPI_AUTH",
            null,
            "none",
            "Ingress authentication of papi serve: none (SPCS authenticates) or local (local session tokens)"),
    LOCAL_DIR(
            "--local-dir",
            "PAPI_LOCAL_DIR",
            null,
            "$PAPI_HOME/local",
            "Directory of the local account (users, signing key, the embedded store)"),
    HOME(null, "PAPI_HOME", null, "~/.papi", "papi's state directory: keys, the local account"),
    SNOWFLAKE_HOME(
            null,
            "SNOWFLAKE_HOME",
            null,
            "~/.snowflake, else ~/.config/snowflake",
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
