package io.papi.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * A CSV or Parquet file shaped like one of the Snowplow tables, read into the embedded engine as a typed table.
 * Column names match in any case; an empty CSV field is NULL; timestamps are ISO-8601 or
 * {@code YYYY-MM-DD HH:MM:SS[.fff]} in UTC; booleans {@code true}/{@code false}, {@code TRUE}/{@code FALSE},
 * {@code 1}/{@code 0}.
 */
public final class EventFile {
    private final Path path;
    private final InputShape shape;
    private final boolean parquet;

    private EventFile(Path path, InputShape shape, boolean parquet) {
        this.path = path;
        this.shape = shape;
        this.parquet = parquet;
    }

    /** Checks that the file exists, can be read and is named .csv or .parquet. */
    public static EventFile of(Path path, InputShape shape) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean parquet = name.endsWith(".parquet");
        if (!parquet && !name.endsWith(".csv")) {
            throw DatasetException.badInput(path + ": papi reads .csv or .parquet files shaped like " + shape.table());
        }
        if (!Files.exists(path)) {
            throw DatasetException.badInput(path + ": no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw DatasetException.badInput(
                    path + ": cannot read the file (check that it is a file and its permissions)");
        }
        return new EventFile(path, shape, parquet);
    }

    public Path path() {
        return path;
    }

    public InputShape shape() {
        return shape;
    }

    /** Creates {@code table} in the warehouse with the shape's columns, typed; refuses a file without one of them. */
    public void load(EmbeddedWarehouse warehouse, String table) {
        run(warehouse, select -> "CREATE TEMP TABLE " + table + " AS\n" + select);
    }

    /** Writes the file's typed columns to a Parquet file, streaming (no table is held in memory). */
    public void writeParquet(EmbeddedWarehouse warehouse, Path target) {
        run(
                warehouse,
                select -> "COPY (" + select + ") TO " + EmbeddedWarehouse.pathLiteral(target)
                        + " (FORMAT PARQUET, COMPRESSION SNAPPY)");
    }

    /** Runs the statement {@code around} makes of the typed SELECT. */
    private void run(EmbeddedWarehouse warehouse, UnaryOperator<String> around) {
        String reader = parquet
                ? "read_parquet(" + EmbeddedWarehouse.pathLiteral(path) + ")"
                : "read_csv(" + EmbeddedWarehouse.pathLiteral(path)
                        + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
        Map<String, String> actual = columns(warehouse, reader);
        StringJoiner select = new StringJoiner(",\n       ", "SELECT ", "\nFROM " + reader);
        for (Map.Entry<String, String> column : shape.columnTypes().entrySet()) {
            String name = column.getKey();
            String source = actual.get(name);
            if (source == null) {
                if (shape.requiredColumns().contains(name)) {
                    throw DatasetException.badInput(
                            path + ": missing column " + name + " (the file must be shaped like " + shape.table()
                                    + "; its columns are " + String.join(", ", actual.values()) + ")");
                }
                select.add("CAST(NULL AS " + column.getValue() + ") AS " + name);
            } else {
                select.add(
                        "CAST(" + EmbeddedWarehouse.identifier(source) + " AS " + column.getValue() + ") AS " + name);
            }
        }
        try {
            warehouse.execute(around.apply(select.toString()));
        } catch (SQLException e) {
            throw DatasetException.badInput(path + ": " + explain(warehouse, reader, actual, e));
        }
    }

    private Map<String, String> columns(EmbeddedWarehouse warehouse, String reader) {
        try {
            List<String> names = warehouse.strings("SELECT column_name FROM (DESCRIBE SELECT * FROM " + reader + ")");
            Map<String, String> byLower = new LinkedHashMap<>();
            for (String name : names) {
                byLower.put(EmbeddedWarehouse.lower(name.strip()), name);
            }
            return byLower;
        } catch (SQLException e) {
            throw DatasetException.badInput(path + ": not a readable " + (parquet ? "Parquet" : "CSV") + " file ("
                    + EmbeddedWarehouse.firstLine(e.getMessage()) + ")");
        }
    }

    /** Names the column and value that failed to convert, when the engine's message does not. */
    private String explain(EmbeddedWarehouse warehouse, String reader, Map<String, String> actual, SQLException e) {
        for (Map.Entry<String, String> column : shape.columnTypes().entrySet()) {
            String source = actual.get(column.getKey());
            if (source == null || column.getValue().equals("VARCHAR")) {
                continue;
            }
            String quoted = EmbeddedWarehouse.identifier(source);
            try {
                List<String> bad = warehouse.strings("SELECT CAST(" + quoted + " AS VARCHAR) FROM " + reader + " WHERE "
                        + quoted + " IS NOT NULL AND TRY_CAST(" + quoted + " AS " + column.getValue()
                        + ") IS NULL LIMIT 1");
                if (!bad.isEmpty()) {
                    return "column " + column.getKey() + ": '" + bad.get(0) + "' is not a "
                            + describe(column.getValue());
                }
            } catch (SQLException ignored) {
                // fall through to the engine's own message
            }
        }
        return EmbeddedWarehouse.firstLine(e.getMessage());
    }

    private static String describe(String type) {
        return switch (type) {
            case "TIMESTAMP" -> "timestamp (use ISO-8601 or YYYY-MM-DD HH:MM:SS[.fff], UTC)";
            case "BOOLEAN" -> "boolean (use true/false or 1/0)";
            case "INTEGER" -> "whole number";
            default -> "number";
        };
    }
}
