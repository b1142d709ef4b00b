package io.papi.cli.snowflake;

import io.papi.cli.PapiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ways papi's JDBC logins authenticate, named as the Snowflake CLI's {@code authenticator} key names them; each
 * maps to snowflake-jdbc's {@code authenticator} property value ({@code AuthenticatorType} in the driver).
 */
public enum SnowflakeAuthenticator {
    /** Key pair: {@code privateKey} (a PrivateKey object, so no passphrase reaches the driver). */
    SNOWFLAKE_JWT,
    /** SSO through the identity provider, in a browser the driver opens. */
    EXTERNALBROWSER,
    /** Password plus an MFA code ({@code passcode}) or a Duo push. */
    USERNAME_PASSWORD_MFA,
    /** A programmatic access token in {@code token}. */
    PROGRAMMATIC_ACCESS_TOKEN,
    /** An OAuth access token in {@code token}. */
    OAUTH,
    /** Password alone: Snowflake is blocking single-factor passwords for people (BCR-1971). */
    SNOWFLAKE;

    /** The name in connections.toml: the constant's name in lower case. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of snowflake-jdbc's {@code authenticator} property: the constant's name. */
    public String driverValue() {
        return name();
    }

    /**
     * Reads a connection's {@code authenticator}, case-insensitively; {@code pat} is accepted for the PAT.
     *
     * @throws PapiException (usage) naming the accepted values
     */
    public static SnowflakeAuthenticator parse(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (name.equals("pat")) {
            return PROGRAMMATIC_ACCESS_TOKEN;
        }
        for (SnowflakeAuthenticator a : values()) {
            if (a.configName().equals(name)) {
                return a;
            }
        }
        throw PapiException.usage("unknown authenticator '" + value.trim() + "': use one of "
                + Arrays.stream(values())
                        .map(SnowflakeAuthenticator::configName)
                        .collect(Collectors.joining(", "))
                + " (authenticator in connections.toml, SNOWFLAKE_AUTHENTICATOR or --authenticator)");
    }

    @Override
    public String toString() {
        return configName();
    }
}
