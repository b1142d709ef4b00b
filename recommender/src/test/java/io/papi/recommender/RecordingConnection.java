package io.papi.recommender;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A JDBC connection double that records every call a publisher or a warehouse script makes (auto-commit changes,
 * statements, commits, binds), can fail the statements {@code failOn} picks with a Snowflake-like error, and reports
 * {@value #INSERTED} rows for each INSERT.
 */
public final class RecordingConnection {

    /** The update count every INSERT reports. */
    public static final int INSERTED = 943;

    public final List<String> calls = new ArrayList<>();
    /** The Java type of each bound value, in order: Long for setLong, String for setString. */
    public final List<String> boundTypes = new ArrayList<>();

    private boolean autoCommit = true;
    private String last = "";
    private final Predicate<String> failOn;

    public RecordingConnection(Predicate<String> failOn) {
        this.failOn = failOn;
    }

    public Connection connection() {
        return JdbcDouble.of(
                Connection.class,
                Map.of(
                        "getAutoCommit", args -> autoCommit,
                        "setAutoCommit",
                                args -> {
                                    if (autoCommit != (boolean) args[0]) {
                                        calls.add("autoCommit " + args[0]);
                                    }
                                    autoCommit = (boolean) args[0];
                                    return null;
                                },
                        "commit", args -> record("commit"),
                        "rollback", args -> record("rollback"),
                        "createStatement", args -> statement(),
                        "prepareStatement",
                                args -> {
                                    calls.add("prepare " + args[0]);
                                    return prepared();
                                }));
    }

    private Object record(String call) {
        calls.add(call);
        return null;
    }

    private Statement statement() {
        return JdbcDouble.of(
                Statement.class,
                Map.of(
                        "execute", args -> run(args[0], false),
                        "executeUpdate", args -> run(args[0], 0),
                        "getUpdateCount", args -> last.startsWith("INSERT") ? INSERTED : 0,
                        "close", args -> null));
    }

    /** Records {@code sql}, fails when asked to, else answers {@code result}. */
    private Object run(Object sql, Object result) throws SQLException {
        last = (String) sql;
        calls.add(last);
        if (failOn.test(last)) {
            throw new SQLException("Hybrid table write failed", "42S02", 2003);
        }
        return result;
    }

    private PreparedStatement prepared() {
        return JdbcDouble.of(
                PreparedStatement.class,
                Map.of(
                        "setLong", this::bind,
                        "setString", this::bind,
                        "addBatch", args -> record("addBatch"),
                        "executeBatch",
                                args -> {
                                    calls.add("executeBatch");
                                    return new int[0];
                                },
                        "close", args -> null));
    }

    private Object bind(Object[] args) {
        calls.add("bind " + args[0] + "=" + args[1]);
        boundTypes.add(args[1].getClass().getSimpleName());
        return null;
    }
}
