package io.papi.lists;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lists table: one row per (list, key), {@code LIST_NAME} a {@link ListName#id()}, {@code LIST_KEY} the seed
 * item's id or {@link ListName#GLOBAL_KEY}, {@code ITEMS} the {@link ListsJson#items} array. H2 holds the JSON as
 * text; Snowflake as a VARIANT in a hybrid table (sql/12_lists_table.sql), read with {@code TO_JSON}.
 * The API reads the same names (io.papi.api.store.ListsSql): keep the two in step until the lookup-table module
 * owns both.
 */
public final class ListsTable {
    public static final String DEFAULT_NAME = "PAPI_LISTS";
    /** Personalize allows item ids of 256 characters. */
    public static final int KEY_CHARS = 256;
    public static final int MAX_JSON_CHARS = 1_000_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}");

    private final String name;

    private ListsTable(String name) {
        this.name = name;
    }

    /** @throws IllegalArgumentException for anything but an unquoted, optionally qualified identifier */
    public static ListsTable named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the lists table is an identifier such as PAPI_LISTS or DB.SCHEMA.PAPI_LISTS (got "
                    + name + ")");
        }
        return new ListsTable(name.toUpperCase(java.util.Locale.ROOT));
    }

    public String name() {
        return name;
    }

    public String h2Create() {
        return "CREATE TABLE IF NOT EXISTS " + name + " (LIST_NAME VARCHAR(64) NOT NULL, LIST_KEY VARCHAR(" + KEY_CHARS
                + ") NOT NULL, ITEMS VARCHAR(" + MAX_JSON_CHARS + "), PRIMARY KEY (LIST_NAME, LIST_KEY))";
    }

    public String snowflakeCreate() {
        return "CREATE HYBRID TABLE IF NOT EXISTS " + name + " (LIST_NAME VARCHAR(64) NOT NULL, LIST_KEY VARCHAR("
                + KEY_CHARS + ") NOT NULL, ITEMS VARIANT, PRIMARY KEY (LIST_NAME, LIST_KEY))";
    }

    /** A session-temporary table beside the lists table, holding the JSON as text until INSERT ... SELECT PARSE_JSON. */
    String stage() {
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? "" : name.substring(0, dot + 1)) + "PAPI_LISTS_STAGE";
    }

    public String snowflakeCreateStage() {
        return "CREATE OR REPLACE TEMPORARY TABLE " + stage() + " (LIST_NAME VARCHAR(64), LIST_KEY VARCHAR(" + KEY_CHARS
                + "), ITEMS VARCHAR)";
    }

    public String snowflakeInsertStage() {
        return "INSERT INTO " + stage() + " (LIST_NAME, LIST_KEY, ITEMS) VALUES (?, ?, ?)";
    }

    /** Between BEGIN and COMMIT: the old lists stay visible until the new ones are all in. */
    public List<String> snowflakeTransaction() {
        return List.of("DELETE FROM " + name,
                "INSERT INTO " + name + " (LIST_NAME, LIST_KEY, ITEMS) SELECT LIST_NAME, LIST_KEY, PARSE_JSON(ITEMS) FROM "
                        + stage());
    }

    public String snowflakeDropStage() {
        return "DROP TABLE IF EXISTS " + stage();
    }

    public String delete() {
        return "DELETE FROM " + name;
    }

    public String insert() {
        return "INSERT INTO " + name + " (LIST_NAME, LIST_KEY, ITEMS) VALUES (?, ?, ?)";
    }
}
