package io.papi.api;

import io.papi.testing.FakeSnowflakeDriver;
import java.sql.Connection;
import java.util.Properties;

/**
 * A JDBC driver that opens no connection to anything: it records the URL and properties of every connect and
 * hands back an inert connection, enough for HikariCP to pool it.
 */
final class RecordingDriver extends FakeSnowflakeDriver {
    @Override
    protected Connection open(String url, Properties info) {
        boolean[] closed = {false};
        return proxy(Connection.class, "inert connection", (method, returnType, args) -> switch (method) {
            case "isValid" -> !closed[0];
            case "isClosed" -> closed[0];
            case "close", "abort" -> {
                closed[0] = true;
                yield null;
            }
            case "getAutoCommit" -> true;
            default -> defaultFor(returnType);
        });
    }

    private static Object defaultFor(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
