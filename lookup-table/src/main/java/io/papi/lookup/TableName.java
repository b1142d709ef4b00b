package io.papi.lookup;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table name checked to be a plain SQL identifier, optionally qualified ({@code SCHEMA.TABLE} or
 * {@code DATABASE.SCHEMA.TABLE}), rendered upper-cased and double-quoted: {@code api.data.t} becomes
 * {@code "API"."DATA"."T"}.
 *
 * <p>Each part is a letter or {@code _}, then letters, digits, {@code _} or {@code $}, at most 255 characters: an
 * unquoted identifier as Snowflake accepts it. Snowflake and H2 both resolve an unquoted identifier to upper case, so
 * the upper-cased, quoted form names the same table the plain text would; the quotes add what plain text lacks in
 * both databases: a part that is a reserved word ({@code ORDER}, {@code TABLE}) still names a table, and H2 accepts
 * {@code $}. Since nothing else is accepted, the name can be placed into SQL text safely; values never are (they are
 * bound).
 */
public final class TableName {
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

    private final String[] parts;
    private final String sql;

    private TableName(String[] parts) {
        this.parts = parts;
        StringBuilder quoted = new StringBuilder();
        for (String part : parts) {
            quoted.append(quoted.length() == 0 ? "" : ".")
                    .append('"')
                    .append(part)
                    .append('"');
        }
        this.sql = quoted.toString();
    }

    /**
     * Parses and checks a table name.
     *
     * @throws IllegalArgumentException with one line naming the bad name and what a good one looks like
     */
    public static TableName of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("table name '" + (name == null ? "" : name)
                    + "' is empty: give one such as " + LookupTable.DEFAULT_NAME);
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("table name '" + shown(name)
                    + "' has more than three parts: use TABLE, SCHEMA.TABLE or DATABASE.SCHEMA.TABLE");
        }
        String[] upper = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!PART.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException(
                        "table name '" + shown(name) + "' is not a plain identifier: use "
                                + "letters, digits, _ and $, starting with a letter or _, optionally qualified as DATABASE.SCHEMA.TABLE");
            }
            upper[i] = parts[i].toUpperCase(Locale.ROOT);
        }
        return new TableName(upper);
    }

    private static String shown(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "..." : name;
    }

    /**
     * Another table in the same database and schema as this one: {@code "DB"."S"."T"} with {@code STAGE} gives
     * {@code "DB"."S"."STAGE"}.
     *
     * @throws IllegalArgumentException when {@code table} is not one plain identifier
     */
    public TableName sibling(String table) {
        TableName other = of(table);
        if (other.parts.length != 1) {
            throw new IllegalArgumentException("a sibling table is one name without dots, not '" + table + "'");
        }
        String[] siblingParts = Arrays.copyOf(parts, parts.length);
        siblingParts[parts.length - 1] = other.parts[0];
        return new TableName(siblingParts);
    }

    /** The quoted name to put in a statement, e.g. {@code "API"."DATA"."MOVIE_RECOMMENDATIONS_HYBRID"}. */
    public String sql() {
        return sql;
    }

    /** The name as the database resolves it, unquoted, for messages: {@code API.DATA.MOVIE_RECOMMENDATIONS_HYBRID}. */
    public String name() {
        return String.join(".", parts);
    }

    /** The last part, the table itself without database and schema. */
    public String table() {
        return parts[parts.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableName other && other.sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    /** The same as {@link #sql()}, so that a name concatenated into a statement is always the quoted one. */
    @Override
    public String toString() {
        return sql;
    }
}
