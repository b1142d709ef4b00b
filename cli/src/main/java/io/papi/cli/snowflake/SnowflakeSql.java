package io.papi.cli.snowflake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders identifiers and literals for Snowflake statements that cannot take bind parameters (DDL such as
 * CREATE USER). Nothing a user types can break out of the statement: identifiers are written bare only when they
 * are plain upper-case-able names, otherwise double-quoted with inner quotes doubled; key values must be base64.
 */
public final class SnowflakeSql {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private SnowflakeSql() {}

    /**
     * An identifier as Snowflake resolves it: {@code svc_data_api} becomes {@code SVC_DATA_API} (unquoted names are
     * case-insensitive); anything else is quoted and kept exactly, e.g. {@code o'brien} becomes {@code "o'brien"} and
     * {@code a"b} becomes {@code "a""b"}.
     */
    public static String identifier(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name is empty: give a user or role name such as SVC_DATA_API");
        }
        if (name.length() > 255) {
            throw new IllegalArgumentException("name is longer than 255 characters");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("name contains a control character");
        }
        if (PLAIN_IDENTIFIER.matcher(name).matches()) {
            return name.toUpperCase(Locale.ROOT);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A public key value for RSA_PUBLIC_KEY: base64 only, so it is safe inside single quotes. */
    public static String keyLiteral(String base64) {
        if (base64 == null || !BASE64.matcher(base64).matches()) {
            throw new IllegalArgumentException(
                    "public key value is not base64: give a PEM public key file (rsa_key.pub)");
        }
        return "'" + base64 + "'";
    }

    /** A string literal with single quotes and backslashes escaped. */
    public static String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
