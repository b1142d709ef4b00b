package io.papi.datasets;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded analytical engine that stands in for the Snowflake warehouse: an in-memory DuckDB database, in UTC,
 * bounded in memory and spilling to a scratch folder. H2 stays the stand-in for hybrid tables (point lookups).
 */
public final class EmbeddedWarehouse implements AutoCloseable {
    /** DuckDB's own memory (outside the Java heap); it spills to disk past this. */
    public static final String DEFAULT_MEMORY_LIMIT = "1GB";

    private final Connection connection;

    private EmbeddedWarehouse(Connection connection) {
        this.connection = connection;
    }

    /** Opens a fresh in-memory database that spills to {@code scratch} when it needs more than its memory limit. */
    public static EmbeddedWarehouse open(Path scratch) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            EmbeddedWarehouse warehouse = new EmbeddedWarehouse(connection);
            warehouse.execute("SET TimeZone = 'UTC'");
            warehouse.execute("SET memory_limit = '" + DEFAULT_MEMORY_LIMIT + "'");
            // no dataset promises an order, and keeping the input's order costs memory and time in every COPY
            warehouse.execute("SET preserve_insertion_order = false");
            if (scratch != null) {
                warehouse.execute("SET temp_directory = " + pathLiteral(scratch));
            }
            return warehouse;
        } catch (ClassNotFoundException | SQLException e) {
            throw DatasetException.failure(
                    "cannot start the embedded engine (DuckDB): " + firstLine(e.getMessage()), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** A file name as a DuckDB string literal (DuckDB reads backslashes literally, so only quotes are doubled). */
    public static String pathLiteral(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** A double-quoted identifier. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing an in-memory database loses nothing
        }
    }
}
