package io.papi.recommender;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A JDBC interface (Connection, Statement, PreparedStatement) made of answers keyed by method name: each test
 * double says only what its code under test calls, and any other call fails with the method's name.
 */
public final class JdbcDouble {

    /** What one method returns for its arguments ({@code null} when it has none). */
    @FunctionalInterface
    public interface Answer {
        Object answer(Object[] args) throws Exception;
    }

    private JdbcDouble() {}

    public static <T> T of(Class<T> type, Map<String, Answer> answers) {
        return type.cast(Proxy.newProxyInstance(
                JdbcDouble.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    Answer answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answer.answer(args);
                }));
    }
}
