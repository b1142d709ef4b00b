package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ListsTableTest {
    @Test
    void h2AndSnowflakeKeyTheListsTableByListAndKey() {
        TableName table = TableName.of("API.DATA.PAPI_LISTS");
        assertThat(ListsTable.h2(table))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"API\".\"DATA\".\"PAPI_LISTS\" (LIST_NAME VARCHAR(64) NOT NULL, "
                                + "LIST_KEY VARCHAR(256) NOT NULL, ITEMS VARCHAR(1000000), PRIMARY KEY (LIST_NAME, LIST_KEY))");
        assertThat(ListsTable.snowflake(table))
                .isEqualTo(
                        "CREATE HYBRID TABLE IF NOT EXISTS \"API\".\"DATA\".\"PAPI_LISTS\" "
                                + "(LIST_NAME VARCHAR(64) NOT NULL, LIST_KEY VARCHAR(256) NOT NULL, ITEMS VARIANT, PRIMARY KEY (LIST_NAME, LIST_KEY))");
        assertThat(ListsTable.select(table, true))
                .isEqualTo(
                        "SELECT TO_JSON(ITEMS) FROM \"API\".\"DATA\".\"PAPI_LISTS\" WHERE LIST_NAME = ? AND LIST_KEY = ?");
    }

    @Test
    void theSqlScriptCreatesTheSameColumns() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("sql"))) {
            root = root.getParent();
        }
        String script = Files.readString(root.resolve("sql/12_lists_table.sql")).replaceAll("\\s+", " ");
        assertThat(script)
                .contains("CREATE HYBRID TABLE IF NOT EXISTS API.DATA.PAPI_LISTS ( LIST_NAME VARCHAR(64) NOT NULL, "
                        + "LIST_KEY VARCHAR(256) NOT NULL, ITEMS VARIANT, PRIMARY KEY (LIST_NAME, LIST_KEY) )");
    }
}
