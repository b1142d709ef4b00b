package io.papi.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A JDBC driver that stands in for snowflake-jdbc in tests: it takes {@code jdbc:snowflake://} URLs, records the
 * URL and properties of every connect in {@link #connects}, and leaves what the connection answers to
 * {@link #open}. {@link #proxy} builds the JDBC objects such a driver hands back.
 */
public abstract class FakeSnowflakeDriver implements Driver {
    /** One connect: the URL and the properties papi passed (authenticator, user, token, ...). */
    public record Connect(String url, Properties properties) {}

    /** One JDBC method call a proxy answers; the object methods are answered before it is asked. */
    @FunctionalInterface
    public interface Answer {
        Object answer(String method, Class<?> returnType, Object[] args) throws Throwable;
    }

    public final List<Connect> connects = new CopyOnWriteArrayList<>();

    @Override
    public final Connection connect(String url, Properties info) throws SQLException {
        connects.add(new Connect(url, info));
        return open(url, info);
    }

    /** The connection a recorded connect gets, or the SQLException a refused login throws. */
    protected abstract Connection open(String url, Properties info) throws SQLException;

    /**
     * A {@code type} whose {@code hashCode}, {@code equals} and {@code toString} (as {@code name}) behave like an
     * object's, and whose every other method is {@code answer}'s.
     */
    public static <T> T proxy(Class<T> type, String name, Answer answer) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> name;
            default -> answer.answer(method.getName(), method.getReturnType(), args);
        };
        return type.cast(
                Proxy.newProxyInstance(FakeSnowflakeDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
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
