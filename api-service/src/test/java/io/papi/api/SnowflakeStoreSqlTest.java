package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.lookup.KeyType;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The Snowflake store's statement, run against H2 shaped like the hybrid table (NUMBER key, JSON column) with
 * TO_JSON defined as an alias, since no Snowflake account is reachable from the tests.
 */
public class SnowflakeStoreSqlTest {

    /** H2 stand-in for Snowflake's TO_JSON(VARIANT): the column already holds JSON text. */
    public static String toJson(String variant) {
        return variant;
    }

    /**
     * An H2 database {@code name} holding MOVIE_RECOMMENDATIONS_HYBRID with a {@code keyType} USER_ID, TO_JSON, and
     * these rows ({@code VALUES} lists).
     */
    private static JdbcDataSource hybridTable(String name, String keyType, String rows) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS TO_JSON FOR 'io.papi.api.SnowflakeStoreSqlTest.toJson'");
            s.execute("CREATE TABLE MOVIE_RECOMMENDATIONS_HYBRID (USER_ID " + keyType
                    + " PRIMARY KEY, RECOMMENDATIONS VARCHAR)");
            s.execute("INSERT INTO MOVIE_RECOMMENDATIONS_HYBRID VALUES " + rows);
        }
        return h2;
    }

    @Test
    void readsTheHybridTableWithToJsonAndBoundNumericIds() throws Exception {
        JdbcDataSource h2 = hybridTable(
                "snowflake_shape",
                "NUMBER(38,0)",
                "(22, '[{\"movie_name\":\"Heat\",\"movie_score\":\"3.00\"}]'), (186, '[]')");
        RecommendationStore store = Stores.snowflake(h2, "movie_recommendations_hybrid");

        assertThat(store.lookup(List.of("22", "186", "7")))
                .containsOnlyKeys("22", "186")
                .containsEntry("22", "[{\"movie_name\":\"Heat\",\"movie_score\":\"3.00\"}]");
        assertThat(store.toString()).isEqualTo("snowflake store \"MOVIE_RECOMMENDATIONS_HYBRID\"");
    }

    @Test
    void aTextIdAgainstANumberKeyIsNotFoundInsteadOfFailingTheWholeQuery() throws Exception {
        JdbcDataSource h2 = hybridTable("number_key", "NUMBER(38,0)", "(22, '[]')");
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            // what the store avoids: a text id compared with the NUMBER key fails the statement for every id in it
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeQuery(
                            "SELECT USER_ID FROM MOVIE_RECOMMENDATIONS_HYBRID WHERE USER_ID IN ('22', 'abc')"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
        RecommendationStore store = Stores.snowflake(h2, "MOVIE_RECOMMENDATIONS_HYBRID", KeyType.NUMBER);

        assertThat(store.lookup(List.of("abc", "22"))).containsOnlyKeys("22");
        assertThat(store.lookup(List.of("abc", "x9"))).isEmpty();
    }

    @Test
    void aVarcharKeyBindsIdsAsText() throws Exception {
        JdbcDataSource h2 = hybridTable("varchar_key", "VARCHAR(256)", "('abc', '[1]'), ('007', '[2]')");
        RecommendationStore store =
                Stores.snowflake(h2, "MOVIE_RECOMMENDATIONS_HYBRID", ApiConfig.IdMode.ALPHANUMERIC.keyType());

        assertThat(store.lookup(List.of("abc", "007", "7"))).containsOnlyKeys("abc", "007");
        assertThat(ApiConfig.IdMode.NUMERIC.keyType()).isEqualTo(KeyType.NUMBER);
        assertThat(KeyType.NUMBER.snowflakeType()).isEqualTo("NUMBER(38,0)");
    }
}
