package io.papi.cli.snowflake;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that set up and rotate a key-pair service user, as in SNOWFLAKE.md:
 * {@code CREATE USER … TYPE = SERVICE DEFAULT_ROLE = … RSA_PUBLIC_KEY = '…'}, {@code GRANT ROLE … TO USER …}, and
 * the two-slot rotation ({@code RSA_PUBLIC_KEY} and {@code RSA_PUBLIC_KEY_2}).
 */
public final class ServiceUserSql {
    private ServiceUserSql() {}

    public static List<String> create(String user, String role, String publicKeyValue) {
        List<String> statements = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE USER IF NOT EXISTS ")
                .append(SnowflakeSql.identifier(user))
                .append(" TYPE = SERVICE");
        if (role != null) {
            create.append(" DEFAULT_ROLE = ").append(SnowflakeSql.identifier(role));
        }
        create.append(" RSA_PUBLIC_KEY = ")
                .append(SnowflakeSql.keyLiteral(publicKeyValue))
                .append(';');
        statements.add(create.toString());
        if (role != null) {
            statements.add(
                    "GRANT ROLE " + SnowflakeSql.identifier(role) + " TO USER " + SnowflakeSql.identifier(user) + ';');
        }
        return statements;
    }

    /** Puts a new key into the given slot (2 by default), leaving the key in use untouched. */
    public static String rotate(String user, int slot, String publicKeyValue) {
        return "ALTER USER " + SnowflakeSql.identifier(user) + " SET " + slotColumn(slot) + " = "
                + SnowflakeSql.keyLiteral(publicKeyValue) + ';';
    }

    /** Retires the old key's slot once every client uses the new key. */
    public static String finishRotation(String user, int oldSlot) {
        return "ALTER USER " + SnowflakeSql.identifier(user) + " UNSET " + slotColumn(oldSlot) + ';';
    }

    public static String describe(String user) {
        return "DESCRIBE USER " + SnowflakeSql.identifier(user) + ';';
    }

    public static String drop(String user) {
        return "DROP USER IF EXISTS " + SnowflakeSql.identifier(user) + ';';
    }

    public static String slotColumn(int slot) {
        return switch (slot) {
            case 1 -> "RSA_PUBLIC_KEY";
            case 2 -> "RSA_PUBLIC_KEY_2";
            default -> throw new IllegalArgumentException("key slot must be 1 or 2, not " + slot);
        };
    }
}
