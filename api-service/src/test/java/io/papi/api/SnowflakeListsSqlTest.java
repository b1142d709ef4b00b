package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The Snowflake store's list lookup: against H2 shaped like the hybrid lists table (TO_JSON as an alias), through a
 * connection that records each statement's text and binds, so the test sees exactly what Snowflake would receive.
 */
class SnowflakeListsSqlTest {
    final List<String> recorded = new CopyOnWriteArrayList<>();

    @Test
    void looksUpListsByBoundStringKeysWithToJson() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:snowflake_lists;DB_CLOSE_DELAY=-1");
        String uuid = "3f2b8c1e-9d4a-4e6b-a1c2-0d9e8f7a6b5c";
        String longest = "k".repeat(256);
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS TO_JSON FOR 'io.papi.api.SnowflakeStoreSqlTest.toJson'");
            s.execute(
                    "CREATE TABLE PAPI_LISTS (LIST_NAME VARCHAR(64), LIST_KEY VARCHAR(256), ITEMS VARCHAR, PRIMARY KEY (LIST_NAME, LIST_KEY))");
            s.execute("INSERT INTO PAPI_LISTS VALUES ('similar', '" + uuid + "', '[{\"item_id\":\"x\",\"score\":1}]'),"
                    + " ('similar', '" + longest
                    + "', '[]'), ('trending', '_', '[]'), ('similar', '42', '[{\"item_id\":\"43\",\"score\":2}]')");
        }
        RecommendationStore store =
                Stores.snowflake(recording(h2), "MOVIE_RECOMMENDATIONS_HYBRID", io.papi.lookup.KeyType.NUMBER);

        assertThat(store.list("similar", uuid)).isEqualTo("[{\"item_id\":\"x\",\"score\":1}]");
        assertThat(store.list("similar", longest)).isEqualTo("[]");
        assertThat(store.list("similar", "42")).contains("\"43\"");
        assertThat(store.list("similar", "x' OR '1'='1")).isNull();
        assertThat(store.list("bought-together", uuid)).isNull();
        assertThat(recorded)
                .containsSubsequence(
                        "prepare SELECT TO_JSON(ITEMS) FROM \"PAPI_LISTS\" WHERE LIST_NAME = ? AND LIST_KEY = ?",
                        "bind 1 similar",
                        "bind 2 " + uuid);
        // a numeric item id is bound as text, against the VARCHAR key, even where users' keys are NUMBER
        assertThat(recorded).contains("bind 2 42").noneMatch(r -> r.startsWith("prepare") && r.contains("'"));
    }

    private DataSource recording(JdbcDataSource h2) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return invoke(method, h2, args);
                    }
                    Connection real = h2.getConnection();
                    return Proxy.newProxyInstance(
                            getClass().getClassLoader(), new Class<?>[] {Connection.class}, (cp, cm, cargs) -> {
                                Object result = invoke(cm, real, cargs);
                                if (cm.getName().equals("prepareStatement")) {
                                    recorded.add("prepare " + cargs[0]);
                                    PreparedStatement ps = (PreparedStatement) result;
                                    return Proxy.newProxyInstance(
                                            getClass().getClassLoader(),
                                            new Class<?>[] {PreparedStatement.class},
                                            (sp, sm, sargs) -> {
                                                if (sm.getName().startsWith("set")
                                                        && sargs != null
                                                        && sargs.length == 2
                                                        && sargs[0] instanceof Integer) {
                                                    recorded.add("bind " + sargs[0] + " " + sargs[1]);
                                                }
                                                return invoke(sm, ps, sargs);
                                            });
                                }
                                return result;
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
