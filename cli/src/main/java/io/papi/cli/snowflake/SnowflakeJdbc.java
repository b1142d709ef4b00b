package io.papi.cli.snowflake;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PrivateKeys;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens a JDBC connection to Snowflake as the caller, from papi's settings, with the authenticator the Snowflake CLI
 * would use for the same connection: {@code authenticator} from flag, environment or connections.toml; without
 * one, key pair when a private key is configured, else the password. Key pair passes the {@code privateKey} object,
 * so that no passphrase reaches the driver's properties. Property names are snowflake-jdbc's
 * ({@code SFSessionProperty}): {@code authenticator}, {@code password}, {@code passcode}, {@code token},
 * {@code privateKey}.
 */
public final class SnowflakeJdbc {
    public static final String DRIVER_CLASS = "net.snowflake.client.api.driver.SnowflakeDriver";
    private static final String LEGACY_DRIVER_CLASS = "net.snowflake.client.jdbc.SnowflakeDriver";

    private SnowflakeJdbc() {}

    /** The JDBC URL and properties for the caller's connection; the private key is read here. */
    public static Target target(
            Settings settings, String accountFlag, String userFlag, String keyFlag, PassphraseSource passphrase) {
        return target(settings, accountFlag, userFlag, keyFlag, null, passphrase);
    }

    /** As {@link #target(Settings, String, String, String, PassphraseSource)}, with an {@code --authenticator} flag. */
    public static Target target(
            Settings settings,
            String accountFlag,
            String userFlag,
            String keyFlag,
            String authenticatorFlag,
            PassphraseSource passphrase) {
        AccountIdentifier account;
        try {
            account = AccountIdentifier.parse(settings.require(Setting.ACCOUNT, accountFlag));
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        Optional<String> key = settings.get(Setting.PRIVATE_KEY, keyFlag);
        SnowflakeAuthenticator authenticator = settings.get(Setting.AUTHENTICATOR, authenticatorFlag)
                .map(SnowflakeAuthenticator::parse)
                .orElse(key.isPresent() ? SnowflakeAuthenticator.SNOWFLAKE_JWT : SnowflakeAuthenticator.SNOWFLAKE);
        String host = settings.get(Setting.HOST, null).orElse(account.host());
        Properties props = new Properties();
        props.put("account", account.forJwt());
        Optional<String> user = settings.get(Setting.USER, userFlag);
        if (authenticator != SnowflakeAuthenticator.OAUTH) {
            props.put("user", user.orElseGet(() -> settings.require(Setting.USER, userFlag)));
        } else {
            user.ifPresent(u -> props.put("user", u));
        }
        settings.get(Setting.ROLE, null).ifPresent(v -> props.put("role", v));
        settings.get(Setting.WAREHOUSE, null).ifPresent(v -> props.put("warehouse", v));
        settings.get(Setting.DATABASE, null).ifPresent(v -> props.put("db", v));
        settings.get(Setting.SCHEMA, null).ifPresent(v -> props.put("schema", v));
        props.put("authenticator", authenticator.driverValue());
        switch (authenticator) {
            case SNOWFLAKE_JWT ->
                props.put(
                        "privateKey",
                        PrivateKeys.read(
                                Path.of(key.orElseThrow(() -> PapiException.usage(
                                        "authenticator snowflake_jwt needs a private key: pass --private-key, set SNOWFLAKE_PRIVATE_KEY_PATH, "
                                                + "or add 'private_key_file' to the connection"))),
                                passphrase));
            case EXTERNALBROWSER -> {
                // the driver opens the browser and waits for the identity provider's redirect
            }
            case USERNAME_PASSWORD_MFA -> {
                props.put("password", password(settings, authenticator));
                settings.get(Setting.PASSCODE, null).ifPresent(code -> props.put("passcode", code));
            }
            case PROGRAMMATIC_ACCESS_TOKEN, OAUTH -> props.put("token", token(settings, authenticator));
            case SNOWFLAKE -> props.put("password", password(settings, authenticator));
        }
        return new Target(
                "jdbc:snowflake://" + host,
                props,
                authenticator,
                settings.environment().snowflakeDriver());
    }

    private static String password(Settings settings, SnowflakeAuthenticator authenticator) {
        return settings.get(Setting.PASSWORD, null)
                .orElseThrow(
                        () -> PapiException.usage(
                                authenticator == SnowflakeAuthenticator.SNOWFLAKE
                                        ? "no credentials for the JDBC connection: configure a private key (--private-key, SNOWFLAKE_PRIVATE_KEY_PATH), "
                                                + "another authenticator (externalbrowser, programmatic_access_token, ...), "
                                                + "or a password (SNOWFLAKE_PASSWORD, or 'password' in connections.toml)"
                                        : "authenticator " + authenticator
                                                + " needs a password: set SNOWFLAKE_PASSWORD or add 'password' to the connection"));
    }

    private static String token(Settings settings, SnowflakeAuthenticator authenticator) {
        Optional<String> inline = settings.get(Setting.TOKEN, null);
        if (inline.isPresent()) {
            return inline.get().trim();
        }
        Path file = settings.get(Setting.TOKEN_FILE_PATH, null)
                .map(Path::of)
                .orElseThrow(() -> PapiException.usage("authenticator " + authenticator
                        + " needs a token: add 'token' or 'token_file_path' to the connection "
                        + "(or set SNOWFLAKE_TOKEN / SNOWFLAKE_TOKEN_FILE_PATH)"));
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw PapiException.usage(
                        "token file " + file + " is empty: put the " + authenticator + " token in it");
            }
            return token;
        } catch (IOException e) {
            throw PapiException.usage("cannot read token file " + file + " (token_file_path): " + e.getMessage());
        }
    }

    /**
     * A JDBC URL with its properties and the driver that takes them. {@link #toString()} never shows credentials.
     *
     * @param driver {@code null} for snowflake-jdbc itself
     */
    public record Target(String url, Properties properties, SnowflakeAuthenticator authenticator, Driver driver) {
        public Connection connect() {
            try {
                Driver d = driver != null ? driver : driver();
                Connection connection = d.connect(url, properties);
                if (connection == null) {
                    throw PapiException.failure("the Snowflake driver does not accept " + url);
                }
                return connection;
            } catch (SQLException e) {
                throw PapiException.failure(
                        "cannot connect to " + url + " as " + properties.getProperty("user", "(no user)")
                                + " with authenticator " + authenticator + ": " + firstLine(e.getMessage()));
            }
        }

        @Override
        public String toString() {
            return url + " as " + properties.getProperty("user") + " (" + authenticator + ")";
        }
    }

    static Driver driver() {
        for (String name : new String[] {DRIVER_CLASS, LEGACY_DRIVER_CLASS}) {
            try {
                return (Driver) Class.forName(name).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // try the next name
            }
        }
        throw PapiException.failure("the Snowflake JDBC driver is not on the class path");
    }

    /**
     * A Snowflake failure as one line, with the likely fix for the two that a connection without context causes:
     * papi's statements name tables without a database (error 2003, "does not exist or not authorized"), and
     * queries need a warehouse (error 606, "No active warehouse selected").
     */
    public static String explain(SQLException e) {
        String line = firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case 2003 ->
                line + " (papi names its tables without a database: give the connection database and schema, "
                        + "e.g. database = \"API\", schema = \"DATA\"; papi doctor -c NAME checks them)";
            case 606 ->
                line
                        + " (give the connection a warehouse, e.g. warehouse = \"DATA_API_WH\"; papi doctor -c NAME checks it)";
            default -> line;
        };
    }

    /**
     * A driver message as one line: its first line, joined with the second when the first only introduces it, as
     * Snowflake's "SQL compilation error:" / "Object 'X' does not exist or not authorized." does.
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String[] lines = message.strip().split("\\R");
        String first = lines[0].trim();
        return first.endsWith(":") && lines.length > 1 ? first + " " + lines[1].trim() : first;
    }
}
