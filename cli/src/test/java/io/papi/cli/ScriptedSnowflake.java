package io.papi.cli;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A recording JDBC driver that stands in for Snowflake: it records every connect and every statement, and answers
 * each statement with the latest scripted reply whose pattern finds a match in its text (so a test can override one
 * answer of a shared script): a result set (columns and
 * rows, shaped as Snowflake documents them), an update, or an SQLException with Snowflake's code and SQLState.
 * A statement with no scripted reply fails, so a test sees every statement it did not expect.
 */
public final class ScriptedSnowflake implements Driver {
    public record Connect(String url, Properties properties) {}

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

    public final List<Connect> connects = new CopyOnWriteArrayList<>();
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
    public Connection connect(String url, Properties info) throws SQLException {
        connects.add(new Connect(url, info));
        if (loginFailure != null) {
            throw loginFailure;
        }
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createStatement" -> statement(null);
                    case "prepareStatement" -> statement((String) args[0]);
                    case "close", "setAutoCommit", "commit", "rollback" -> null;
                    case "isClosed" -> false;
                    case "getAutoCommit" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "scripted Snowflake connection";
                    default -> throw new SQLFeatureNotSupportedException("ScriptedSnowflake: " + method.getName());
                });
    }

    /** A statement; with {@code prepared} SQL, a prepared statement whose binds are accepted and not checked. */
    private Statement statement(String prepared) {
        ResultSet[] current = {null};
        Class<?> type = prepared == null ? Statement.class : java.sql.PreparedStatement.class;
        return (Statement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
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
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "scripted statement";
                    default -> throw new SQLFeatureNotSupportedException("ScriptedSnowflake: " + method.getName());
                });
    }

    private ResultSet run(String sql) throws SQLException {
        statements.add(sql);
        List<Reply> latestFirst = new ArrayList<>(replies.values());
        java.util.Collections.reverse(latestFirst);
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
        ResultSetMetaData meta = (ResultSetMetaData) Proxy.newProxyInstance(
                ScriptedSnowflake.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getColumnCount" -> rows.columns().size();
                    case "getColumnName", "getColumnLabel" -> rows.columns().get((Integer) args[0] - 1);
                    default -> throw new SQLFeatureNotSupportedException(method.getName());
                });
        return (ResultSet) Proxy.newProxyInstance(
                ScriptedSnowflake.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "next":
                            return ++at[0] < rows.rows().size();
                        case "close":
                            return null;
                        case "wasNull":
                            return last[0] == null;
                        case "getMetaData":
                            return meta;
                        case "getString", "getObject", "getLong", "getInt", "getBoolean":
                            Object value = value(rows, at[0], args[0]);
                            last[0] = value;
                            return convert(method.getName(), value);
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new SQLFeatureNotSupportedException("ScriptedSnowflake result: " + method.getName());
                    }
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

    @Override
    public boolean acceptsURL(String url) {
        return url.startsWith("jdbc:snowflake://");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
