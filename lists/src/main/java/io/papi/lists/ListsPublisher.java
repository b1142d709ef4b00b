package io.papi.lists;

import io.papi.lookup.OneTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Replaces every row of the lists table in one transaction, as {@code papi recommend --publish} does for the
 * lookup table: readers see the old lists until COMMIT. DDL runs first, outside it (it commits on its own in both
 * H2 and Snowflake).
 */
public final class ListsPublisher {
    /** Where the lists go: the embedded H2 store, or a Snowflake hybrid table. */
    public enum Dialect {
        H2,
        SNOWFLAKE
    }

    private static final int BATCH = 1000;

    private final Connection connection;
    private final ListsTableStatements table;
    private final Dialect dialect;

    public ListsPublisher(Connection connection, ListsTableStatements table, Dialect dialect) {
        this.connection = connection;
        this.table = table;
        this.dialect = dialect;
    }

    /** @return the rows written */
    public int publish(List<ItemList> lists) throws SQLException {
        String[] json = new String[lists.size()];
        for (int k = 0; k < json.length; k++) {
            json[k] = ListsJson.items(lists.get(k).items());
            if (json[k].length() > ListsTableStatements.MAX_JSON_CHARS) {
                throw new IllegalArgumentException("list " + lists.get(k).name().id() + " of "
                        + lists.get(k).key() + " is " + json[k].length()
                        + " characters of JSON, more than the table holds: use a smaller --size");
            }
            if (lists.get(k).key().length() > ListsTableStatements.KEY_CHARS) {
                throw new IllegalArgumentException(
                        "item id of " + lists.get(k).key().length() + " characters: the lists table keys hold "
                                + ListsTableStatements.KEY_CHARS);
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute(dialect == Dialect.H2 ? table.h2Create() : table.snowflakeCreate());
            if (dialect == Dialect.SNOWFLAKE) {
                st.execute(table.snowflakeCreateStage());
            }
        }
        if (dialect == Dialect.SNOWFLAKE) {
            insertAll(table.snowflakeInsertStage(), lists, json);
        }
        if (dialect == Dialect.H2) {
            OneTransaction.run(connection, () -> {
                try (Statement st = connection.createStatement()) {
                    st.executeUpdate(table.delete());
                }
                insertAll(table.insert(), lists, json);
            });
        } else {
            OneTransaction.executeUpdates(connection, table.snowflakeTransaction());
        }
        if (dialect == Dialect.SNOWFLAKE) {
            try (Statement st = connection.createStatement()) {
                st.execute(table.snowflakeDropStage());
            }
        }
        return json.length;
    }

    private void insertAll(String sql, List<ItemList> lists, String[] json) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int k = 0; k < json.length; k++) {
                insert.setString(1, lists.get(k).name().id());
                insert.setString(2, lists.get(k).key());
                insert.setString(3, json[k]);
                insert.addBatch();
                if ((k + 1) % BATCH == 0 || k + 1 == json.length) {
                    insert.executeBatch();
                }
            }
        }
    }
}
