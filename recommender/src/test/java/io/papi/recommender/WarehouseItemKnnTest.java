package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.lookup.KeyType;
import io.papi.lookup.LookupDdl;
import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarehouseItemKnnTest {

    private static WarehouseItemKnn script(int k, double h, int top) {
        return WarehouseItemKnn.of(
                k,
                h,
                top,
                TableName.of("USER_RATINGS"),
                TableName.of("TITLE"),
                TableName.of(LookupTable.DEFAULT_BATCH_NAME),
                TableName.of(LookupTable.DEFAULT_NAME));
    }

    @Test
    void theJarCarriesTheRepositoryScriptByteForByte() throws Exception {
        assertThat(WarehouseItemKnn.script())
                .isEqualTo(Files.readString(Path.of("..", "sql", "recommender", "itemknn.sql")));
    }

    @Test
    void fillsTheKnobsIntoTheScriptsOwnSetLinesAndKeepsItsOrder() {
        List<String> s = script(50, 12.5, 20).statements();

        assertThat(s.subList(0, 3)).containsExactly("SET NEIGHBOURS = 50", "SET SHRINKAGE = 12.5", "SET TOP_N = 20");
        assertThat(s).filteredOn(x -> x.contains("--")).isEmpty();
        assertThat(s.get(3)).startsWith("CREATE OR REPLACE TEMPORARY TABLE PAPI_INTERACTIONS AS");
        int begin = s.indexOf("BEGIN");
        int commit = s.indexOf("COMMIT");
        assertThat(s.subList(begin + 1, commit))
                .extracting(x -> x.split("\\s+")[0] + " " + x.split("\\s+")[2])
                .containsExactly(
                        "DELETE \"MOVIE_RECOMMENDATIONS\"",
                        "INSERT \"MOVIE_RECOMMENDATIONS\"",
                        "DELETE \"MOVIE_RECOMMENDATIONS_HYBRID\"",
                        "INSERT \"MOVIE_RECOMMENDATIONS_HYBRID\"");
        assertThat(s.subList(0, begin))
                .filteredOn(x -> x.startsWith("CREATE"))
                .last()
                .asString()
                .isEqualTo(LookupDdl.snowflakeLookup(TableName.of(LookupTable.DEFAULT_NAME), KeyType.NUMBER));
        assertThat(s.get(s.size() - 1)).isEqualTo("DROP TABLE IF EXISTS PAPI_TOP_N");
    }

    @Test
    void renamesTheGuidesTablesWithoutTouchingColumns() {
        String text = WarehouseItemKnn.of(
                        200,
                        0,
                        10,
                        TableName.of("RAW.RATINGS"),
                        TableName.of("RAW.MOVIES"),
                        TableName.of("OUT.BATCH"),
                        TableName.of("OUT.LOOKUP"))
                .text();

        assertThat(text)
                .contains(
                        "FROM \"RAW\".\"RATINGS\";",
                        "LEFT JOIN \"RAW\".\"MOVIES\" ti ON ti.ITEM_ID",
                        "COALESCE(ti.TITLE,",
                        "INSERT INTO \"OUT\".\"BATCH\" (USER_ID, RECOMMENDATIONS)",
                        "CREATE HYBRID TABLE IF NOT EXISTS \"OUT\".\"LOOKUP\"",
                        "SELECT USER_ID, RECOMMENDATIONS FROM \"OUT\".\"BATCH\";",
                        "SET SHRINKAGE = 0;");
        assertThat(text).doesNotContain("USER_RATINGS", "MOVIE_RECOMMENDATIONS", "JOIN TITLE");
    }

    @Test
    void runsEveryStatementInOrderAndReportsTheRowsPublished() throws Exception {
        RecordingConnection db = new RecordingConnection(sql -> false);
        WarehouseItemKnn script = script(200, 0, 10);

        long rows = script.run(db.connection(), ProgressListener.NONE);

        assertThat(db.calls).containsExactlyElementsOf(script.statements());
        assertThat(rows).isEqualTo(RecordingConnection.INSERTED);
    }

    @Test
    void aFailureInsideTheTransactionRollsBackAndNamesTheStatement() {
        RecordingConnection db =
                new RecordingConnection(sql -> sql.startsWith("INSERT INTO \"MOVIE_RECOMMENDATIONS_HYBRID\""));
        WarehouseItemKnn script = script(200, 0, 10);

        assertThatThrownBy(() -> script.run(db.connection(), ProgressListener.NONE))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith(
                        "statement 16 of 23 (INSERT INTO \"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID, RECOMME…)")
                .hasMessageContaining("failed and was rolled back: Hybrid table write failed")
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode())
                        .as("Snowflake's error code, kept")
                        .isEqualTo(2003));
        assertThat(db.calls.get(db.calls.size() - 1)).isEqualTo("ROLLBACK");
        assertThat(db.calls).doesNotContain("COMMIT");
    }

    @Test
    void aFailureBeforeTheTransactionStopsWithoutRollback() {
        RecordingConnection db =
                new RecordingConnection(sql -> sql.startsWith("CREATE OR REPLACE TEMPORARY TABLE PAPI_COOCCURRENCE"));

        assertThatThrownBy(() -> script(200, 0, 10).run(db.connection(), ProgressListener.NONE))
                .hasMessageStartingWith("statement 6 of ")
                .hasMessageNotContaining("rolled back");
        assertThat(db.calls).doesNotContain("ROLLBACK", "BEGIN");
    }

    @Test
    void refusesKnobsOutOfRange() {
        assertThatThrownBy(() -> script(0, 0, 10)).hasMessage("item-kNN neighbours must be at least 1, got 0");
        assertThatThrownBy(() -> script(10, -1, 10))
                .hasMessage("item-kNN shrinkage must be zero or a positive number, got -1.0");
        assertThatThrownBy(() -> script(10, 0, 0)).hasMessage("top-N must be at least 1, got 0");
    }
}
