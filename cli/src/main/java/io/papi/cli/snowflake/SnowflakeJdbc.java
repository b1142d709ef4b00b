package io.papi.cli.snowflake;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PrivateKeys;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens a JDBC connection to Snowflake as the caller, from papi's settings: key-pair
 * ({@code authenticator=SNOWFLAKE_JWT} with the {@code privateKey} object, so that no passphrase reaches the
 * driver's properties) when a private key is configured, else the password.
 */
public final class SnowflakeJdbc {
    public static final String DRIVER_CLASS = "net.snowflake.client.api.driver.SnowflakeDriver";
    private static final String LEGACY_DRIVER_CLASS = "net.snowflake.client.jdbc.SnowflakeDriver";

    private SnowflakeJdbc() {
    }

    /** The JDBC URL and properties for the caller's connection; the private key is read here. */
    public static Target target(Settings settings, String accountFlag, String userFlag, String keyFlag, PassphraseSource passphrase) {
        AccountIdentifier account;
        try {
            account = AccountIdentifier.parse(settings.require(Setting.ACCOUNT, accountFlag));
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        String host = settings.get(Setting.HOST, null).orElse(account.host());
        Properties props = new Properties();
        props.put("account", account.forJwt());
        props.put("user", settings.require(Setting.USER, userFlag));
        settings.get(Setting.ROLE, null).ifPresent(v -> props.put("role", v));
        settings.get(Setting.WAREHOUSE, null).ifPresent(v -> props.put("warehouse", v));
        settings.get(Setting.DATABASE, null).ifPresent(v -> props.put("db", v));
        settings.get(Setting.SCHEMA, null).ifPresent(v -> props.put("schema", v));
        Optional<String> key = settings.get(Setting.PRIVATE_KEY, keyFlag);
        if (key.isPresent()) {
            props.put("authenticator", "SNOWFLAKE_JWT");
            props.put("privateKey", PrivateKeys.read(Path.of(key.get()), passphrase));
        } else {
            String password = settings.get(Setting.PASSWORD, null).orElseThrow(() -> PapiException.usage(
                    "no credentials for the JDBC connection: configure a private key (--private-key, SNOWFLAKE_PRIVATE_KEY_PATH) "
                            + "or a password (SNOWFLAKE_PASSWORD, or 'password' in connections.toml)"));
            props.put("password", password);
        }
        return new Target("jdbc:snowflake://" + host, props);
    }

    /** A JDBC URL with its properties. {@link #toString()} never shows credentials. */
    public record Target(String url, Properties properties) {
        public Connection connect() {
            try {
                Driver driver = driver();
                Connection connection = driver.connect(url, properties);
                if (connection == null) {
                    throw PapiException.failure("the Snowflake driver does not accept " + url);
                }
                return connection;
            } catch (SQLException e) {
                throw PapiException.failure("cannot connect to " + url + ": " + firstLine(e.getMessage()));
            }
        }

        @Override
        public String toString() {
            return url + " as " + properties.getProperty("user");
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

    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
