package io.papi.broker;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Snowflake account identifier as a user writes it, and the two forms papi derives from it.
 *
 * <p>Users write accounts in many forms: an account locator with region and cloud
 * ({@code xy12345.us-east-1.aws}), a private-link locator ({@code xy12345.us-east-1.privatelink}), an
 * organisation-account name with a hyphen ({@code myorg-myacct}) or a dot ({@code myorg.myacct}), a global
 * account ({@code myorg-myacct.global}), or a whole host name ({@code myorg-myacct.snowflakecomputing.com}).
 *
 * <p>{@link #forJwt()} is the form the key-pair JWT's {@code iss} and {@code sub} must carry, upper-cased, exactly
 * as snowflake-jdbc derives it (checked against the driver itself by DriverJwtConformanceTest): everything from the
 * first dot dropped (region, cloud, privatelink); for a host name of a {@code .global} account, everything from
 * the first hyphen dropped as well. Two differences from a reading of the docs, where the driver wins: an account
 * written {@code myorg.myacct} is a locator with a region to the driver ({@code MYORG}, host
 * {@code myorg.myacct.snowflakecomputing.com}), not {@code MYORG-MYACCT}; and an account <em>property</em>
 * {@code myorg-myacct.global} keeps its hyphen ({@code MYORG-MYACCT}), only the global <em>host name</em> loses it.
 * Leftover region or privatelink suffixes are the most common cause of rejected JWTs.
 *
 * <p>{@link #host()} is the host of the account's {@code /oauth/token}: {@code <account>.snowflakecomputing.com}.
 */
public final class AccountIdentifier {
    private static final String DOMAIN = ".snowflakecomputing.com";
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_-]+");

    private final String raw;
    private final String jwtForm;
    private final String hostAccount;

    private AccountIdentifier(String raw, String jwtForm, String hostAccount) {
        this.raw = raw;
        this.jwtForm = jwtForm;
        this.hostAccount = hostAccount;
    }

    /**
     * Parses an account as a user wrote it.
     *
     * @throws IllegalArgumentException with a message fit for the user when the text is no account identifier
     */
    public static AccountIdentifier parse(String text) {
        Objects.requireNonNull(text, "account");
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("https://")) {
            s = s.substring("https://".length());
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        boolean hostName = s.endsWith(DOMAIN);
        if (hostName) {
            s = s.substring(0, s.length() - DOMAIN.length());
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(
                    "account is empty: give it as ORGNAME-ACCOUNTNAME or an account locator such as xy12345.us-east-1.aws");
        }
        String[] parts = s.split("\\.", -1);
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches()) {
                throw new IllegalArgumentException("account '" + text.trim() + "' is not an account identifier: "
                        + "use ORGNAME-ACCOUNTNAME (see SELECT CURRENT_ORGANIZATION_NAME() || '-' || CURRENT_ACCOUNT_NAME()) "
                        + "or an account locator such as xy12345.us-east-1.aws");
            }
        }
        String first = parts[0];
        String jwt = first;
        if (hostName && s.contains(".global")) {
            // snowflake-jdbc reads a global host's account up to its first hyphen
            int hyphen = first.indexOf('-');
            jwt = hyphen >= 0 ? first.substring(0, hyphen) : first;
        }
        return new AccountIdentifier(text.trim(), jwt.toUpperCase(Locale.ROOT), s);
    }

    /** The account as the user gave it. */
    public String raw() {
        return raw;
    }

    /** The upper-cased account name that goes into a key-pair JWT's {@code iss} and {@code sub}. */
    public String forJwt() {
        return jwtForm;
    }

    /** The account's host name, {@code <account>.snowflakecomputing.com}. */
    public String host() {
        return hostAccount.replace('_', '-') + DOMAIN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountIdentifier other
                && other.jwtForm.equals(jwtForm)
                && other.hostAccount.equals(hostAccount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jwtForm, hostAccount);
    }

    @Override
    public String toString() {
        return raw;
    }
}
