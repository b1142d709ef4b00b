package io.papi.lists;

import io.papi.lookup.TableName;
import java.util.List;

/**
 * The writer's statements for the lists table, whose names, columns and DDL the lookup-table contract owns
 * ({@link io.papi.lookup.ListsTable}): create, replace in one transaction, and Snowflake's staging table, where the
 * JSON waits as text until {@code INSERT ... SELECT PARSE_JSON}.
 */
public final class ListsTableStatements {
    public static final String DEFAULT_NAME = io.papi.lookup.ListsTable.DEFAULT_NAME;
    public static final int KEY_CHARS = io.papi.lookup.ListsTable.KEY_CHARS;
    public static final int MAX_JSON_CHARS = io.papi.lookup.ListsTable.H2_MAX_JSON_CHARS;

    private final TableName name;
    private final TableName stage;

    private ListsTableStatements(TableName name) {
        this.name = name;
        this.stage = name.sibling("PAPI_LISTS_STAGE");
    }

    /** @throws IllegalArgumentException for anything but an unquoted, optionally qualified identifier */
    public static ListsTableStatements named(String name) {
        return new ListsTableStatements(TableName.of(name));
    }

    /** The quoted name, as statements use it. */
    public String name() {
        return name.sql();
    }

    /** The name as people write it, for messages. */
    public String shown() {
        return name.name();
    }

    public String h2Create() {
        return io.papi.lookup.ListsTable.h2(name);
    }

    public String snowflakeCreate() {
        return io.papi.lookup.ListsTable.snowflake(name);
    }

    public String snowflakeCreateStage() {
        return "CREATE OR REPLACE TEMPORARY TABLE " + stage.sql() + " (LIST_NAME VARCHAR(64), LIST_KEY VARCHAR("
                + KEY_CHARS + "), ITEMS VARCHAR)";
    }

    public String snowflakeInsertStage() {
        return "INSERT INTO " + stage.sql() + " (LIST_NAME, LIST_KEY, ITEMS) VALUES (?, ?, ?)";
    }

    /** Between BEGIN and COMMIT: the old lists stay visible until the new ones are all in. */
    public List<String> snowflakeTransaction() {
        return List.of(
                "DELETE FROM " + name.sql(),
                "INSERT INTO " + name.sql()
                        + " (LIST_NAME, LIST_KEY, ITEMS) SELECT LIST_NAME, LIST_KEY, PARSE_JSON(ITEMS) FROM "
                        + stage.sql());
    }

    public String snowflakeDropStage() {
        return "DROP TABLE IF EXISTS " + stage.sql();
    }

    public String delete() {
        return "DELETE FROM " + name.sql();
    }

    public String insert() {
        return "INSERT INTO " + name.sql() + " (LIST_NAME, LIST_KEY, ITEMS) VALUES (?, ?, ?)";
    }
}
