package io.papi.datasets;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A JDBC connection double standing in for Snowflake: it records every statement and bind in order, answers the
 * INFORMATION_SCHEMA column query with the columns it was given and every other query with a number, and can fail
 * the statements a predicate picks, with Snowflake's message for a missing object.
 */
final class RecordingConnection {
    final List<String> calls = new ArrayList<>();
    private final List<String> columns;
    private final ToLongFunction<String> answers;
    private final Predicate<String> failOn;

    RecordingConnection(List<String> columns, long count, Predicate<String> failOn) {
        this(columns, sql -> count, failOn);
    }

    /** {@code answers} gives the number each query answers. */
    RecordingConnection(List<String> columns, ToLongFunction<String> answers, Predicate<String> failOn) {
        this.columns = columns;
        this.answers = answers;
        this.failOn = failOn;
    }

    Connection connection() {
        return proxy(Connection.class, (name, args) -> switch (name) {
            case "createStatement" -> statement();
            case "prepareStatement" -> {
                calls.add("prepare " + args[0]);
                yield prepared();
            }
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private Statement statement() {
        return proxy(Statement.class, (name, args) -> switch (name) {
            case "execute" -> {
                String sql = (String) args[0];
                calls.add(sql);
                if (failOn.test(sql)) {
                    throw new SQLException("SQL compilation error:\nObject 'X' does not exist or not authorized.");
                }
                yield false;
            }
            case "executeQuery" -> {
                calls.add((String) args[0]);
                yield resultSet(List.of(String.valueOf(answers.applyAsLong((String) args[0]))));
            }
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private PreparedStatement prepared() {
        return proxy(PreparedStatement.class, (name, args) -> switch (name) {
            case "setString" -> {
                calls.add("bind " + args[0] + "=" + args[1]);
                yield null;
            }
            case "executeQuery" -> resultSet(columns);
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private ResultSet resultSet(List<String> values) {
        Iterator<String> rows = values.iterator();
        String[] current = new String[1];
        return proxy(ResultSet.class, (name, args) -> switch (name) {
            case "next" -> {
                boolean more = rows.hasNext();
                current[0] = more ? rows.next() : null;
                yield more;
            }
            case "getString" -> current[0];
            case "getLong" -> Long.parseLong(current[0]);
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    interface Handler {
        Object handle(String method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(
                RecordingConnection.class.getClassLoader(),
                new Class<?>[] {type},
                (p, method, args) -> handler.handle(method.getName(), args)));
    }
}
