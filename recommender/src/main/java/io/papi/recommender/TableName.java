package io.papi.recommender;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated, optionally qualified table name ({@code TABLE}, {@code SCHEMA.TABLE} or {@code DATABASE.SCHEMA.TABLE}).
 *
 * <p>Each part must be an unquoted SQL identifier as Snowflake and H2 both accept it: a letter or underscore, then
 * letters, digits, {@code _} or {@code $}, at most 255 characters. Because nothing else is accepted, a table name can
 * be placed into SQL text safely; values never are (they are bound). Unquoted identifiers resolve case-insensitively
 * (to upper case) in both databases, which is how the guide's tables are created.
 */
public final class TableName {

    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

    private final String sql;

    private TableName(String sql) {
        this.sql = sql;
    }

    /**
     * Parses and validates a table name.
     *
     * @throws IllegalArgumentException with one line naming what was wrong
     */
    public static TableName of(String name) {
        Objects.requireNonNull(name, "table name");
        String[] parts = name.split("\\.", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("table name '" + name
                    + "' has more than three parts: use TABLE, SCHEMA.TABLE or DATABASE.SCHEMA.TABLE");
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw new IllegalArgumentException("table name '" + name + "' is not a valid identifier: each part "
                        + "starts with a letter or _ and holds only letters, digits, _ and $ (no quotes or spaces)");
            }
        }
        return new TableName(name);
    }

    /** The name as it goes into SQL text. */
    public String sql() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableName other && other.sql.equalsIgnoreCase(sql);
    }

    @Override
    public int hashCode() {
        return sql.toUpperCase(java.util.Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
