package io.papi.recommender.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.lookup.TableName;
import io.papi.recommender.BadDataException;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.Loaders;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guide's USER_RATINGS and TITLE tables, in H2. */
class JdbcTablesTest {

    private Connection connection;

    @BeforeEach
    void createTables() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:jdbc-tables-" + System.nanoTime());
        try (Statement st = connection.createStatement()) {
            st.execute(
                    "CREATE TABLE USER_RATINGS (USER_ID NUMBER(38,0), ITEM_ID NUMBER(38,0), RATING NUMBER(38,0), \"TIMESTAMP\" TIMESTAMP)");
            st.execute("CREATE TABLE TITLE (ITEM_ID NUMBER(38,0), TITLE VARCHAR(200))");
            st.execute(
                    "INSERT INTO USER_RATINGS VALUES (22, 377, 1, TIMESTAMP '2024-12-04 15:55:49'), (22, 50, 5, NULL), (7, 50, 4, TIMESTAMP '2024-01-01 00:00:00')");
            st.execute("INSERT INTO TITLE VALUES (377, 'Usual Suspects, The (1995)'), (50, 'Star Wars (1977)')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void readsRatingsAndTitlesFromTheGuidesTables() throws Exception {
        Dataset d = Loaders.fromJdbc(
                connection, TableName.of("USER_RATINGS"), TableName.of("TITLE"), LoadOptions.defaults());

        assertThat(d.ratings().size()).isEqualTo(3);
        assertThat(d.ratings().userIds()).containsExactly(7, 22);
        int u = d.ratings().userIndex(22);
        assertThat(d.ratings().itemId(d.ratings().item(d.ratings().start(u) + 1)))
                .isEqualTo(377);
        assertThat(d.ratings().timestamp(d.ratings().start(u) + 1))
                .isEqualTo(LocalDateTime.of(2024, 12, 4, 15, 55, 49).toEpochSecond(ZoneOffset.UTC));
        assertThat(d.titles().nameOf(377)).isEqualTo("Usual Suspects, The (1995)");
        assertThat(d.clean()).isTrue();
    }

    @Test
    void countsBadRowsByResultRow() throws Exception {
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM USER_RATINGS");
            st.execute("INSERT INTO USER_RATINGS VALUES (1, 1, 5, NULL), (NULL, 2, 5, NULL), (1, 3, 7, NULL)");
        }
        Dataset d = Loaders.fromJdbc(connection, TableName.of("USER_RATINGS"), null, LoadOptions.defaults());

        BadRows.assertListed(
                d.reports().get(0),
                "USER_RATINGS:2: USER_ID is NULL",
                "USER_RATINGS:3: RATING '7' is out of range 1 to 5");
        assertThatThrownBy(() ->
                        Loaders.fromJdbc(connection, TableName.of("USER_RATINGS"), null, LoadOptions.strictMode()))
                .isInstanceOf(BadDataException.class)
                .hasMessageStartingWith("USER_RATINGS:2: USER_ID is NULL");
    }

    @Test
    void queriesOnlyValidatedTableNames() {
        assertThat(JdbcTables.ratingsQuery(TableName.of("DB.PUBLIC.USER_RATINGS")))
                .isEqualTo(
                        "SELECT \"USER_ID\", \"ITEM_ID\", \"RATING\", \"TIMESTAMP\" FROM \"DB\".\"PUBLIC\".\"USER_RATINGS\"");
        assertThatThrownBy(() -> TableName.of("USER_RATINGS; DROP TABLE TITLE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a plain identifier");
    }
}
