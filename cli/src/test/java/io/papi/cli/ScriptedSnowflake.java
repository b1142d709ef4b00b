package io.papi.cli;

import io.papi.testing.FakeSnowflakeDriver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A recording JDBC driver that stands in for Snowflake: it records every connect and every statement, and answers
 * each statement with the latest scripted reply whose pattern finds a match in its text (so a test can override one
 * answer of a shared script): a result set (columns and
 * rows, shaped as Snowflake documents them), an update, or an SQLException with Snowflake's code and SQLState.
 * A statement with no scripted reply fails, so a test sees every statement it did not expect.
 */
public final class ScriptedSnowflake extends FakeSnowflakeDriver {
    /** Rows of a result set; column names as Snowflake returns them. */
    public record Rows(List<String> columns, List<List<Object>> rows) {
        public static Rows of(String... columns) {
            return new Rows(List.of(columns), new ArrayList<>());
        }

        public Rows row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }
    }

    private record Reply(Pattern pattern, Rows rows, SQLException failure) {}

    public final List<String> statements = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new LinkedHashMap<>();
    private SQLException loginFailure;

    /** Answers statements matching {@code regex} with these rows. */
    public ScriptedSnowflake answer(String regex, Rows rows) {
        replies.remove(regex);
        replies.put(regex, new Reply(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), rows, null));
        return this;
    }

    /** Answers statements matching {@code regex} with an update count (no rows). */
    public ScriptedSnowflake accept(String regex) {
        return answer(regex, null);
    }

    /** Fails statements matching {@code regex} as Snowflake would. */
    public ScriptedSnowflake refuse(String regex, String message, String sqlState, int code) {
        replies.remove(regex);
        replies.put(
                regex,
                new Reply(
                        Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
                        null,
                        new SQLException(message, sqlState, code)));
        return this;
    }

    public ScriptedSnowflake refuseLogin(String message, int code) {
        loginFailure = new SQLException(message, "08001", code);
        return this;
    }

    @Override
    protected Connection open(String url, Properties info) throws SQLException {
        if (loginFailure != null) {
            throw loginFailure;
        }
        return proxy(Connection.class, "scripted Snowflake connection", (method, returnType, args) -> switch (method) {
            case "createStatement" -> statement(null);
            case "prepareStatement" -> statement((String) args[0]);
            case "close", "setAutoCommit", "commit", "rollback" -> null;
            case "isClosed" -> false;
            case "getAutoCommit" -> true;
            default -> throw new SQLFeatureNotSupportedException("ScriptedSnowflake: " + method);
        });
    }

    /** A statement; with {@code prepared} SQL, a prepared statement whose binds are accepted and not checked. */
    private Statement statement(String prepared) {
        ResultSet[] current = {null};
        Class<? extends Statement> type = prepared == null ? Statement.class : PreparedStatement.class;
        return proxy(type, "scripted statement", (method, returnType, args) -> switch (method) {
            case "execute" -> {
                current[0] = run(prepared != null ? prepared : (String) args[0]);
                yield current[0] != null;
            }
            case "executeQuery" -> {
                String sql = prepared != null ? prepared : (String) args[0];
                current[0] = run(sql);
                if (current[0] == null) {
                    throw new SQLException("statement returned no rows: " + sql);
                }
                yield current[0];
            }
            case "executeUpdate" -> {
                run(prepared != null ? prepared : (String) args[0]);
                yield 0;
            }
            case "executeBatch" -> {
                run(prepared);
                yield new int[0];
            }
            case "getResultSet" -> current[0];
            case "addBatch" -> null;
            case "close",
                    "setQueryTimeout",
                    "setFetchSize",
                    "setString",
                    "setLong",
                    "setInt",
                    "setObject",
                    "setBigDecimal" -> null;
            default -> throw new SQLFeatureNotSupportedException("ScriptedSnowflake: " + method);
        });
    }

    private ResultSet run(String sql) throws SQLException {
        statements.add(sql);
        List<Reply> latestFirst = new ArrayList<>(replies.values());
        Collections.reverse(latestFirst);
        for (Reply reply : latestFirst) {
            if (reply.pattern().matcher(sql).find()) {
                if (reply.failure() != null) {
                    throw reply.failure();
                }
                return reply.rows() == null ? null : resultSet(reply.rows());
            }
        }
        throw new SQLException("SQL compilation error: ScriptedSnowflake has no reply for: " + sql, "42000", 1003);
    }

    private static ResultSet resultSet(Rows rows) {
        int[] at = {-1};
        Object[] last = {null};
        ResultSetMetaData meta =
                proxy(ResultSetMetaData.class, "scripted metadata", (method, returnType, args) -> switch (method) {
                    case "getColumnCount" -> rows.columns().size();
                    case "getColumnName", "getColumnLabel" -> rows.columns().get((Integer) args[0] - 1);
                    default -> throw new SQLFeatureNotSupportedException(method);
                });
        return proxy(ResultSet.class, "scripted result", (method, returnType, args) -> switch (method) {
            case "next" -> ++at[0] < rows.rows().size();
            case "close" -> null;
            case "wasNull" -> last[0] == null;
            case "getMetaData" -> meta;
            case "getString", "getObject", "getLong", "getInt", "getBoolean" -> {
                Object value = value(rows, at[0], args[0]);
                last[0] = value;
                yield convert(method, value);
            }
            default -> throw new SQLFeatureNotSupportedException("ScriptedSnowflake result: " + method);
        });
    }

    private static Object value(Rows rows, int row, Object column) throws SQLException {
        if (row < 0 || row >= rows.rows().size()) {
            throw new SQLException("no current row");
        }
        int index;
        if (column instanceof Integer i) {
            index = i - 1;
        } else {
            index = -1;
            for (int c = 0; c < rows.columns().size(); c++) {
                if (rows.columns().get(c).equalsIgnoreCase((String) column)) {
                    index = c;
                }
            }
            if (index < 0) {
                throw new SQLException("no column " + column + " in " + rows.columns());
            }
        }
        return rows.rows().get(row).get(index);
    }

    private static Object convert(String getter, Object value) {
        return switch (getter) {
            case "getString" -> value == null ? null : value.toString();
            case "getLong" -> value == null ? 0L : ((Number) value).longValue();
            case "getInt" -> value == null ? 0 : ((Number) value).intValue();
            case "getBoolean" ->
                value != null && Boolean.parseBoolean(value.toString().toLowerCase(Locale.ROOT));
            default -> value;
        };
    }
}
