package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.papi.api.RecommendationStore;
import io.papi.api.Stores;
import io.papi.cli.stack.LocalStore;
import io.papi.lookup.LookupTable;
import io.papi.lookup.RecommendationJson;
import io.papi.lookup.TableName;
import io.papi.recommender.LookupPublisher;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.UserRecommendations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookup-table contract from both ends, on H2: what the recommender publishes under a table name that is not the
 * default, the API's store reads back, row for row, in the shape the contract gives.
 */
class LookupTableContractTest {
    @TempDir
    Path home;

    private static final List<UserRecommendations> RECS = List.of(
            new UserRecommendations(
                    7,
                    List.of(
                            new RecommendedItem(50, "Star Wars (1977)", 12),
                            new RecommendedItem(181, "Return of the Jedi (1983)", 11.5))),
            new UserRecommendations(22, List.of(new RecommendedItem(377, "It's \"quoted\" \\ and\nnew-lined", 3))),
            new UserRecommendations(186, List.of()));

    @Test
    void whatThePublisherWritesUnderAnotherNameTheApisStoreReadsBack() throws Exception {
        Path dir = home.resolve("local");
        String url = LocalStore.jdbcUrl(dir);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(LookupPublisher.h2(c, TableName.of("contract_recs")).publish(RECS, ProgressListener.NONE))
                    .isEqualTo(3);
        }
        try (RecommendationStore store = Stores.h2(url, "CONTRACT_RECS")) {
            Map<String, String> rows = store.lookup(List.of("7", "22", "186", "99"));

            assertThat(rows).containsOnlyKeys("7", "22", "186");
            for (UserRecommendations user : RECS) {
                String stored = rows.get(Long.toString(user.userId()));
                assertThat(stored).isEqualTo(user.itemsJson());
                JsonNode items = new ObjectMapper().readTree(stored);
                assertThat(items).hasSize(user.items().size());
                for (int k = 0; k < user.items().size(); k++) {
                    assertThat(items.get(k).fieldNames())
                            .toIterable()
                            .containsExactlyElementsOf(RecommendationJson.ELEMENT_KEYS);
                    assertThat(items.get(k).get(RecommendationJson.MOVIE_NAME).asText())
                            .isEqualTo(user.items().get(k).movieName());
                }
            }
            JsonNode answer = new ObjectMapper().readTree(RecommendationJson.answer("22", rows.get("22")));
            assertThat(answer.get(LookupTable.USER_ID).asLong()).isEqualTo(22);
            assertThat(answer.get(LookupTable.RECOMMENDATIONS)
                            .get(0)
                            .get(RecommendationJson.ITEM_ID)
                            .asLong())
                    .isEqualTo(377);
        }
        assertThat(tables(url)).contains("CONTRACT_RECS").doesNotContain(LookupTable.DEFAULT_NAME);
    }

    @Test
    void papiRecommendPublishesWithTableAndPapiServesStoreReadsIt() throws Exception {
        Path data = home.resolve("data");
        CliRun cli = new CliRun(home);
        var generated = cli.run("data", "generate", "--out", data.toString());
        generated.succeeds();
        Path dir = home.resolve("local");

        var published = cli.run(
                "recommend",
                "--ratings",
                data.toString(),
                "--algorithm",
                "popular",
                "--top",
                "3",
                "--publish",
                "--table",
                "other_lookup",
                "--local-dir",
                dir.toString());

        published.succeeds();
        assertThat(published.out()).contains("Published 943 users to other_lookup in the local account");
        try (RecommendationStore store = Stores.h2(LocalStore.jdbcUrl(dir), "other_lookup")) {
            Map<String, String> rows = store.lookup(List.of("1", "22", "943"));
            assertThat(rows).containsOnlyKeys("1", "22", "943");
            assertThat(new ObjectMapper().readTree(rows.get("22"))).hasSize(3);
            assertThat(store.rowCount(java.time.Duration.ofSeconds(5))).hasValue(943);
        }
        assertThat(tables(LocalStore.jdbcUrl(dir))).contains("OTHER_LOOKUP").doesNotContain(LookupTable.DEFAULT_NAME);
    }

    private static List<String> tables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
