package io.papi.api.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table name checked to be a plain SQL identifier, optionally qualified ({@code DB.SCHEMA.TABLE}), rendered
 * upper-cased and double-quoted. Upper-casing keeps the meaning an unquoted name has in Snowflake and H2, and the
 * quoting means no input can change the statement around it.
 */
public final class TableName {
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

    private final String sql;

    private TableName(String sql) {
        this.sql = sql;
    }

    /**
     * @throws IllegalArgumentException naming the bad name and what a good one looks like
     */
    public static TableName of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("table name is empty: give one such as MOVIE_RECOMMENDATIONS_HYBRID");
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 3) {
            throw invalid(name);
        }
        StringBuilder sql = new StringBuilder();
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw invalid(name);
            }
            if (sql.length() > 0) {
                sql.append('.');
            }
            sql.append('"').append(part.toUpperCase(Locale.ROOT)).append('"');
        }
        return new TableName(sql.toString());
    }

    private static IllegalArgumentException invalid(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
        return new IllegalArgumentException("table name '" + shown + "' is not a plain identifier: use letters, "
                + "digits, _ and $, starting with a letter or _, optionally qualified as DATABASE.SCHEMA.TABLE");
    }

    /** The quoted name to put in a statement. */
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return sql;
    }
}
