package io.papi.datasets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the datasets inside Snowflake, for data that outgrows one machine: each {@link DatasetSql} definition
 * becomes a temporary table, then {@code COPY INTO @stage} unloads it with the dbt package's layout,
 * {@code <stage>/<table>/personalize-dataset.csv} (CSV, no compression, header, one file) and
 * {@code .../personalize-dataset.parquet}, and {@code schema.json} beside them. Nothing is unloaded until every
 * table was built and the interactions are not empty.
 */
public final class SnowflakeDatasetBuilder {
    private static final String PART = "[A-Za-z_][A-Za-z0-9_$]*";
    private static final Pattern TABLE = Pattern.compile(PART + "\\." + PART + "\\." + PART);
    private static final Pattern STAGE = Pattern.compile("@" + PART + "(\\." + PART + "){0,2}(/[A-Za-z0-9_.\\-/]*)?");
    /** Snowflake's largest single unloaded file (5 GB, on S3 stages). */
    static final long MAX_FILE_SIZE = 5L * 1024 * 1024 * 1024;

    private final InputShape shape;
    private final String table;
    private final List<TrainingDataset> datasets;
    private final BuildOptions options;
    private final String stage;

    /**
     * @param table {@code DB.SCHEMA.TABLE}, shaped like {@code shape}'s Snowplow table
     * @param stage {@code @DB.SCHEMA.STAGE}, optionally with a path
     */
    public SnowflakeDatasetBuilder(
            InputShape shape, String table, List<TrainingDataset> datasets, BuildOptions options, String stage) {
        this(shape, table, datasets, options, stage, "--table");
        if (!STAGE.matcher(stage).matches()) {
            throw DatasetException.badInput("--stage must be @DB.SCHEMA.STAGE[/path], not '" + stage + "'");
        }
    }

    private SnowflakeDatasetBuilder(
            InputShape shape,
            String table,
            List<TrainingDataset> datasets,
            BuildOptions options,
            String stage,
            String tableFlag) {
        if (!TABLE.matcher(table).matches()) {
            throw DatasetException.badInput(
                    tableFlag + " must be DB.SCHEMA.TABLE (unquoted identifiers), not '" + table + "'");
        }
        this.shape = shape;
        this.table = table;
        this.datasets = List.copyOf(datasets);
        this.options = options;
        this.stage = stage == null || !stage.endsWith("/") ? stage : stage.substring(0, stage.length() - 1);
    }

    /**
     * Builds the session's temporary tables and unloads nothing, for statements that read them next on the same
     * connection ({@code papi recommend lists --in-warehouse --events-table}); {@code tableFlag} names the table in
     * messages.
     */
    public static SnowflakeDatasetBuilder tablesOnly(
            InputShape shape, String table, List<TrainingDataset> datasets, BuildOptions options, String tableFlag) {
        return new SnowflakeDatasetBuilder(shape, table, datasets, options, null, tableFlag);
    }

    /** The statements that build the temporary tables, in order. */
    public List<String> buildStatements() {
        List<String> statements = new ArrayList<>();
        for (TrainingDataset dataset : datasets) {
            statements.add("CREATE OR REPLACE TEMPORARY TABLE " + dataset.folder() + " AS\n"
                    + DatasetSql.select(dataset, table, options));
        }
        return statements;
    }

    /** The statements that unload the built tables to the stage, in order. */
    public List<String> unloadStatements() {
        List<String> statements = new ArrayList<>();
        if (stage == null) {
            return statements; // tablesOnly
        }
        for (TrainingDataset dataset : datasets) {
            String folder = stage + "/" + dataset.folder() + "/";
            String columns = String.join(
                    ", ",
                    dataset.header().stream().map(EmbeddedWarehouse::identifier).toList());
            String from = "FROM (SELECT " + columns + " FROM " + dataset.folder() + ")\n";
            if (options.formats().contains(BuildOptions.OutputFormat.CSV)) {
                statements.add("COPY INTO " + folder + TrainingDataset.CSV_FILE + "\n" + from
                        + "FILE_FORMAT = (TYPE = CSV COMPRESSION = NONE FIELD_DELIMITER = ',' FIELD_OPTIONALLY_ENCLOSED_BY = '\"'"
                        + " ESCAPE_UNENCLOSED_FIELD = NONE NULL_IF = ('') EMPTY_FIELD_AS_NULL = FALSE)\n"
                        + "HEADER = TRUE SINGLE = TRUE OVERWRITE = TRUE MAX_FILE_SIZE = " + MAX_FILE_SIZE);
            }
            if (options.formats().contains(BuildOptions.OutputFormat.PARQUET)) {
                statements.add("COPY INTO " + folder + TrainingDataset.PARQUET_FILE + "\n" + from
                        + "FILE_FORMAT = (TYPE = PARQUET)\n"
                        + "HEADER = TRUE SINGLE = TRUE OVERWRITE = TRUE MAX_FILE_SIZE = " + MAX_FILE_SIZE);
            }
            statements.add("COPY INTO " + folder + TrainingDataset.SCHEMA_FILE + "\n"
                    + "FROM (SELECT PARSE_JSON("
                    + DatasetSql.literal(SchemaJson.of(dataset).strip()) + "))\n"
                    + "FILE_FORMAT = (TYPE = JSON COMPRESSION = NONE)\n"
                    + "SINGLE = TRUE OVERWRITE = TRUE");
        }
        return statements;
    }

    /** Everything {@code --print-sql} shows: the column check, the builds, the unloads. */
    public List<String> allStatements() {
        List<String> all = new ArrayList<>();
        all.add(columnQuery().replace("?", "%s").formatted(literalOf(schemaName()), literalOf(tableName())));
        all.addAll(buildStatements());
        all.addAll(unloadStatements());
        return all;
    }

    /**
     * Runs the build over {@code connection}: checks that the table exists with the columns the definitions read,
     * builds every table, refuses an empty window, then unloads.
     */
    public BuildResult run(Connection connection) {
        try {
            checkColumns(connection);
            Map<TrainingDataset, Long> rows = new EnumMap<>(TrainingDataset.class);
            List<String> builds = buildStatements();
            for (int i = 0; i < datasets.size(); i++) {
                TrainingDataset dataset = datasets.get(i);
                execute(connection, builds.get(i));
                long count = count(connection, "SELECT COUNT(*) FROM " + dataset.folder());
                if (count == 0 && dataset.role() == TrainingDataset.Role.INTERACTIONS) {
                    throw DatasetException.badInput(table + ": no interactions in the date window " + options.window()
                            + "; choose the window with --start-date/--end-date, or --as-of/--look-back-days"
                            + (stage == null ? "" : " (nothing was unloaded)"));
                }
                rows.put(dataset, count);
            }
            for (String unload : unloadStatements()) {
                execute(connection, unload);
            }
            return new BuildResult(rows);
        } catch (SQLException e) {
            throw DatasetException.failure(
                    "Snowflake refused a statement: " + EmbeddedWarehouse.firstLine(e.getMessage()), e);
        }
    }

    /**
     * Checks the tables {@link #run} built against Personalize's rules, in the warehouse (same session: the tables
     * are temporary).
     */
    public ValidationReport validate(Connection connection, boolean strict) {
        try {
            return new WarehouseChecks(connection, strict).run(datasets);
        } catch (SQLException e) {
            throw DatasetException.failure(
                    "Snowflake refused a validation query: " + EmbeddedWarehouse.firstLine(e.getMessage()), e);
        }
    }

    private void checkColumns(Connection connection) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(columnQuery())) {
            query.setString(1, schemaName());
            query.setString(2, tableName());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (columns.isEmpty()) {
            throw DatasetException.badInput("Snowflake table " + table + " does not exist, or your role cannot see it"
                    + " (check the name, and USAGE on its database and schema and SELECT on it)");
        }
        for (String required : shape.requiredColumns()) {
            if (!columns.contains(required)) {
                throw DatasetException.badInput("Snowflake table " + table + ": missing column " + required
                        + " (it must be shaped like " + shape.table() + ")");
            }
        }
    }

    /** Unquoted identifiers resolve upper-case, so the lookup is by the upper-cased names. */
    private String columnQuery() {
        String database = table.substring(0, table.indexOf('.')).toUpperCase(Locale.ROOT);
        return "SELECT COLUMN_NAME FROM " + database
                + ".INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    }

    private String schemaName() {
        return table.split("\\.")[1].toUpperCase(Locale.ROOT);
    }

    private String tableName() {
        return table.split("\\.")[2].toUpperCase(Locale.ROOT);
    }

    private static String literalOf(String value) {
        return DatasetSql.literal(value);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
