package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.lookup.LookupTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest {
    private static final AtomicInteger DB = new AtomicInteger();

    @TempDir
    Path dir;

    private static String memUrl() {
        return "jdbc:h2:mem:store" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    private static void insert(String url, String table, String id, String json) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            s.setString(1, id);
            s.setString(2, json);
            s.executeUpdate();
        }
    }

    @Test
    void createsTheLookupTableWhenAbsentSoAnEmptyStoreAnswersEmpty() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";AUTO_SERVER=TRUE";
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME);
                RunningApi api = RunningApi.start(store)) {
            assertThat(api.get("/customer/1,2").body()).isEqualTo("[]");
            assertThat(api.get("/readyz").statusCode()).isEqualTo(200);
        }
        try (Connection c = DriverManager.getConnection(url);
                var columns = c.getMetaData().getColumns(null, null, "MOVIE_RECOMMENDATIONS_HYBRID", null)) {
            List<String> found = new ArrayList<>();
            while (columns.next()) {
                found.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME") + "("
                        + columns.getInt("COLUMN_SIZE") + ")");
            }
            assertThat(found)
                    .containsExactly("USER_ID CHARACTER VARYING(256)", "RECOMMENDATIONS CHARACTER VARYING(1000000)");
        }
    }

    @Test
    void readyzReportsTheLookupTablesRowCountAndZeroForAnEmptyTable() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME);
                RunningApi api = RunningApi.start(store)) {
            var r = api.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"ready\",\"rows\":0}");
        }
        insert(url, LookupTable.DEFAULT_NAME, "22", "[]");
        insert(url, LookupTable.DEFAULT_NAME, "186", "[]");
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME);
                RunningApi api = RunningApi.start(store)) {
            assertThat(api.get("/readyz").body()).isEqualTo("{\"status\":\"ready\",\"rows\":2}");
        }
    }

    @Test
    void readyzFailsWhenTheLookupTableIsGone() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME);
                RunningApi api = RunningApi.start(store)) {
            try (Connection c = DriverManager.getConnection(url);
                    var s = c.createStatement()) {
                s.execute("DROP TABLE " + LookupTable.DEFAULT_NAME);
            }
            var r = api.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("error");
        }
    }

    @Test
    void looksUpTheJsonTextAsStoredForFoundIdsOnly() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME)) {
            insert(
                    url,
                    LookupTable.DEFAULT_NAME,
                    "22",
                    "[{\"movie_name\": \"Star Wars (1977)\", \"movie_score\": \"4.71\"}]");
            insert(url, LookupTable.DEFAULT_NAME, "186", "[]");

            Map<String, String> found = store.lookup(List.of("22", "999", "186"));

            assertThat(found)
                    .containsOnly(
                            Map.entry("22", "[{\"movie_name\": \"Star Wars (1977)\", \"movie_score\": \"4.71\"}]"),
                            Map.entry("186", "[]"));
        }
    }

    @Test
    void aHundredIdsComeBackInOneRoundTrip() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME)) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                insert(url, LookupTable.DEFAULT_NAME, Integer.toString(i), "[" + i + "]");
                ids.add(Integer.toString(i));
            }
            assertThat(store.lookup(ids)).hasSize(100).containsEntry("100", "[100]");
            assertThat(store.lookup(ids.subList(0, 3))).containsOnlyKeys("1", "2", "3");
        }
    }

    @Test
    void idsAreBoundNeverSpliced() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME)) {
            insert(url, LookupTable.DEFAULT_NAME, "1", "[]");

            assertThat(store.lookup(List.of("1' OR '1'='1", "1) OR (1=1"))).isEmpty();
        }
    }

    @Test
    void tableNamesAreCheckedAsIdentifiers() {
        assertThatThrownBy(() -> Stores.h2(memUrl(), "RECS; DROP TABLE USERS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "table name 'RECS; DROP TABLE USERS' is not a plain identifier: use letters, digits, _ and $, "
                                + "starting with a letter or _, optionally qualified as DATABASE.SCHEMA.TABLE");
        assertThatThrownBy(() -> Stores.h2(memUrl(), "\"X\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCustomTableNameIsUsedUpperCased() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, "my_recs")) {
            insert(url, "MY_RECS", "5", "[5]");
            assertThat(store.lookup(List.of("5"))).containsEntry("5", "[5]");
        }
    }

    @Test
    void refusesAUrlThatIsNotH2() {
        assertThatThrownBy(() -> Stores.h2("jdbc:postgresql://db/recs;password=x", LookupTable.DEFAULT_NAME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the h2 store needs a URL starting with jdbc:h2: (got jdbc:postgresql://db/recs)");
    }

    @Test
    void pingIsFalseOnceTheTableIsGone() throws Exception {
        String url = memUrl();
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME)) {
            assertThat(store.ping(Duration.ofSeconds(1))).isTrue();
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE MOVIE_RECOMMENDATIONS_HYBRID");
            }
            assertThat(store.ping(Duration.ofSeconds(1))).isFalse();
            assertThatThrownBy(() -> store.lookup(List.of("1")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("h2 store \"MOVIE_RECOMMENDATIONS_HYBRID\" lookup failed");
        }
    }
}
