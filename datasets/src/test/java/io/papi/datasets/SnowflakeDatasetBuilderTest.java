package io.papi.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Snowflake path: statement order over a recording connection, and the build statements run on DuckDB too. */
class SnowflakeDatasetBuilderTest {
    static final String TABLE = "SHOP.RAW.PRODUCT_INTERACTIONS";
    static final String STAGE = "@SHOP.RAW.EXPORTS";
    static final List<String> ALL_COLUMNS = List.copyOf(InputShape.ECOMMERCE.columnTypes().keySet().stream()
            .map(String::toUpperCase)
            .toList());

    @TempDir
    Path dir;

    private SnowflakeDatasetBuilder builder() {
        return new SnowflakeDatasetBuilder(
                InputShape.ECOMMERCE, TABLE, TrainingDataset.ecommerce(), BuildOptions.defaults(), STAGE);
    }

    @Test
    void checksTheColumnsThenBuildsEveryTableThenUnloadsEachDatasetsThreeFiles() {
        RecordingConnection snowflake = new RecordingConnection(ALL_COLUMNS, 1234, sql -> false);
        BuildResult result = builder().run(snowflake.connection());
        assertThat(result.rows()).containsOnlyKeys(TrainingDataset.ecommerce()).containsValue(1234L);
        List<String> calls = snowflake.calls;
        assertThat(calls.subList(0, 3))
                .containsExactly(
                        "prepare SELECT COLUMN_NAME FROM SHOP.INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                        "bind 1=RAW",
                        "bind 2=PRODUCT_INTERACTIONS");
        List<String> shape = calls.subList(3, calls.size()).stream()
                .map(s -> s.lines().findFirst().orElse(""))
                .toList();
        assertThat(shape)
                .containsExactly(
                        "CREATE OR REPLACE TEMPORARY TABLE snowplow_recommendations_ecommerce_interactions AS",
                        "SELECT COUNT(*) FROM snowplow_recommendations_ecommerce_interactions",
                        "CREATE OR REPLACE TEMPORARY TABLE snowplow_recommendations_ecommerce_users AS",
                        "SELECT COUNT(*) FROM snowplow_recommendations_ecommerce_users",
                        "CREATE OR REPLACE TEMPORARY TABLE snowplow_recommendations_ecommerce_items AS",
                        "SELECT COUNT(*) FROM snowplow_recommendations_ecommerce_items",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_interactions/personalize-dataset.csv",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_interactions/personalize-dataset.parquet",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_interactions/schema.json",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_users/personalize-dataset.csv",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_users/personalize-dataset.parquet",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_users/schema.json",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_items/personalize-dataset.csv",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_items/personalize-dataset.parquet",
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_items/schema.json");
        String csvUnload = calls.get(3 + 6);
        assertThat(csvUnload)
                .contains(
                        "FROM (SELECT \"USER_ID\", \"ITEM_ID\", \"TIMESTAMP\", \"EVENT_TYPE\" FROM snowplow_recommendations_ecommerce_interactions)")
                .contains("TYPE = CSV COMPRESSION = NONE")
                .contains("FIELD_OPTIONALLY_ENCLOSED_BY = '\"'")
                .contains("NULL_IF = ('')")
                .contains("HEADER = TRUE SINGLE = TRUE OVERWRITE = TRUE");
        assertThat(calls.get(3 + 7)).contains("FILE_FORMAT = (TYPE = PARQUET)").contains("HEADER = TRUE SINGLE = TRUE");
    }

    @Test
    void theSchemaUnloadedToTheStageIsTheSchemaWrittenLocally() throws IOException {
        String statement = builder().unloadStatements().get(2);
        String literal = statement.substring(statement.indexOf("PARSE_JSON('") + 12, statement.indexOf("'))"));
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(literal.replace("''", "'")))
                .isEqualTo(json.readTree(SchemaJson.of(TrainingDataset.ECOMMERCE_INTERACTIONS)));
    }

    @Test
    void aTableThatDoesNotExistIsBadInputAndNothingIsBuiltOrUnloaded() {
        RecordingConnection snowflake = new RecordingConnection(List.of(), 0, sql -> false);
        assertThatThrownBy(() -> builder().run(snowflake.connection()))
                .isInstanceOf(DatasetException.class)
                .hasMessage("Snowflake table " + TABLE + " does not exist, or your role cannot see it "
                        + "(check the name, and USAGE on its database and schema and SELECT on it)")
                .satisfies(e -> assertThat(((DatasetException) e).badInput()).isTrue());
        assertThat(snowflake.calls).noneMatch(c -> c.startsWith("CREATE") || c.startsWith("COPY"));
    }

    @Test
    void aMissingColumnIsNamedAndNothingIsBuilt() {
        List<String> columns = new ArrayList<>(ALL_COLUMNS);
        columns.remove("PRODUCT_CATEGORY");
        RecordingConnection snowflake = new RecordingConnection(columns, 0, sql -> false);
        assertThatThrownBy(() -> builder().run(snowflake.connection()))
                .hasMessageContaining("missing column product_category");
        assertThat(snowflake.calls).noneMatch(c -> c.startsWith("CREATE"));
    }

    @Test
    void anEmptyWindowUnloadsNothing() {
        RecordingConnection snowflake = new RecordingConnection(ALL_COLUMNS, 0, sql -> false);
        assertThatThrownBy(() -> builder().run(snowflake.connection()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no interactions in the date window 2025-01-01..2025-01-31");
        assertThat(snowflake.calls).noneMatch(c -> c.startsWith("COPY"));
    }

    @Test
    void aRefusedStatementIsOneLineAndStopsTheBuild() {
        RecordingConnection snowflake = new RecordingConnection(ALL_COLUMNS, 5, sql -> sql.contains("_users AS"));
        assertThatThrownBy(() -> builder().run(snowflake.connection()))
                .isInstanceOf(DatasetException.class)
                .hasMessage("Snowflake refused a statement: SQL compilation error:");
        assertThat(snowflake.calls).noneMatch(c -> c.startsWith("COPY") || c.contains("_items AS"));
    }

    @Test
    void validationInTheWarehouseCountsEachRuleAndReportsWhatTheAnswersSay() {
        // 1,234 of everything, except: 3 over-long item ids, 2 guest flags empty, no millisecond timestamps
        RecordingConnection snowflake = new RecordingConnection(
                ALL_COLUMNS,
                sql -> sql.contains("LENGTH(\"ITEM_ID\") > 256")
                        ? 3
                        : sql.contains("\"ECOMMERCE_USER_IS_GUEST\" IS NULL")
                                ? 2
                                : sql.contains("LENGTH(")
                                                || sql.contains("ABS(")
                                                || sql.contains("IS NULL")
                                                || sql.contains("COUNT(DISTINCT")
                                        ? 0
                                        : 1234,
                sql -> false);
        SnowflakeDatasetBuilder builder = builder();
        builder.run(snowflake.connection());
        int before = snowflake.calls.size();
        ValidationReport report = builder.validate(snowflake.connection(), false);
        assertThat(report.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        TrainingDataset.ECOMMERCE_INTERACTIONS.folder()
                                + ": error: 3 values of ITEM_ID are over Personalize's 256 characters [id-length]",
                        TrainingDataset.ECOMMERCE_USERS.folder()
                                + ": warning: 2 empty values in optional field ECOMMERCE_USER_IS_GUEST; "
                                + "Personalize may refuse such rows on import [empty-value]",
                        TrainingDataset.ECOMMERCE_ITEMS.folder()
                                + ": error: 3 values of ITEM_ID are over Personalize's 256 characters [id-length]");
        assertThat(report.recipes()).hasSize(5).allMatch(RecipeTable.Row::trainable);
        assertThat(snowflake.calls.subList(before, snowflake.calls.size()))
                .allMatch(sql -> sql.startsWith("SELECT COUNT(*)"));
    }

    @Test
    void badTableAndStageNamesAreRefusedBeforeAnySql() {
        assertThatThrownBy(() -> new SnowflakeDatasetBuilder(
                        InputShape.ECOMMERCE, "events; DROP TABLE x", List.of(), BuildOptions.defaults(), STAGE))
                .hasMessageContaining("--table must be DB.SCHEMA.TABLE");
        assertThatThrownBy(() -> new SnowflakeDatasetBuilder(
                        InputShape.ECOMMERCE, TABLE, List.of(), BuildOptions.defaults(), "SHOP.RAW.EXPORTS"))
                .hasMessageContaining("--stage must be @DB.SCHEMA.STAGE");
    }

    /** The build statements are portable: run on DuckDB against the same rows, they give the local build's rows. */
    @Test
    void theBuildStatementsRunOnTheEmbeddedEngineAndGiveTheLocalBuildsRows() throws Exception {
        Path events = SyntheticEvents.csvFile(dir, InputShape.ECOMMERCE);
        SyntheticEvents.writeCsv(
                new SyntheticEvents.Spec(InputShape.ECOMMERCE, 3, 200, 45, SyntheticEvents.DEFAULT_FIRST_DAY), events);
        BuildOptions options = BuildOptions.defaults().withDedupe(true);
        Path out = dir.resolve("local");
        Fixtures.build(events, InputShape.ECOMMERCE, TrainingDataset.ecommerce(), options, out);

        SnowflakeDatasetBuilder builder =
                new SnowflakeDatasetBuilder(InputShape.ECOMMERCE, TABLE, TrainingDataset.ecommerce(), options, STAGE);
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(null)) {
            EventFile.of(events, InputShape.ECOMMERCE).load(warehouse, "loaded");
            warehouse.execute("ATTACH ':memory:' AS SHOP");
            warehouse.execute("CREATE SCHEMA SHOP.RAW");
            warehouse.execute("CREATE TABLE " + TABLE + " AS SELECT * FROM loaded");
            for (String statement : builder.buildStatements()) {
                warehouse.execute(statement);
            }
            for (TrainingDataset dataset : TrainingDataset.ecommerce()) {
                assertThat(Fixtures.sorted(rows(warehouse, dataset)))
                        .as(dataset.folder())
                        .isEqualTo(Fixtures.rows(out, dataset));
            }
            // the warehouse checks are portable too, and count what the file validator counts
            ValidationReport inWarehouse = builder.validate(warehouse.connection(), false);
            ValidationReport onFiles = Validator.validate(out, false);
            assertThat(inWarehouse.recipes()).isEqualTo(onFiles.recipes());
            assertThat(inWarehouse.problems())
                    .extracting(Problem::rule)
                    .containsExactlyInAnyOrderElementsOf(
                            onFiles.problems().stream().map(Problem::rule).toList());
        }
    }

    private static List<List<String>> rows(EmbeddedWarehouse warehouse, TrainingDataset dataset) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = warehouse.connection().createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + dataset.folder())) {
            int n = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String value = result.getString(i);
                    row.add(value == null ? "" : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
