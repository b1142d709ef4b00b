package io.papi.recommender.publish;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A JDBC connection double that records every call a publisher makes, and can fail one statement. */
final class RecordingConnection {

    final List<String> calls = new ArrayList<>();
    /** The Java type of each bound value, in order: Long for setLong, String for setString. */
    final List<String> boundTypes = new ArrayList<>();

    private boolean autoCommit = true;
    private final Predicate<String> failOn;

    RecordingConnection(Predicate<String> failOn) {
        this.failOn = failOn;
    }

    Connection connection() {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "getAutoCommit":
                            return autoCommit;
                        case "setAutoCommit":
                            if (autoCommit != (boolean) args[0]) {
                                calls.add("autoCommit " + args[0]);
                            }
                            autoCommit = (boolean) args[0];
                            return null;
                        case "commit":
                        case "rollback":
                            calls.add(m.getName());
                            return null;
                        case "createStatement":
                            return statement();
                        case "prepareStatement":
                            calls.add("prepare " + args[0]);
                            return prepared();
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private Statement statement() {
        return (Statement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Statement.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "execute":
                        case "executeUpdate":
                            String sql = (String) args[0];
                            calls.add(sql);
                            if (failOn.test(sql)) {
                                throw new SQLException("Hybrid table write failed");
                            }
                            return m.getName().equals("execute") ? (Object) false : (Object) 0;
                        case "close":
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private PreparedStatement prepared() {
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setLong":
                        case "setString":
                            calls.add("bind " + args[0] + "=" + args[1]);
                            boundTypes.add(args[1].getClass().getSimpleName());
                            return null;
                        case "addBatch":
                            calls.add("addBatch");
                            return null;
                        case "executeBatch":
                            calls.add("executeBatch");
                            return new int[0];
                        case "close":
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }
}
