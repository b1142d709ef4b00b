package io.papi.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parity: the warehouse SQL's portable part, run on H2 over synthetic interactions, ranks what the Java lists rank,
 * list by list and key by key (item-to-item lists that are empty in Java have no rows in SQL).
 */
class ListsWarehouseSqlTest {
    /** Synthetic shop: 60 users, 25 items with a popularity skew, baskets of 1-4 items, sessions of views. */
    static List<Interaction> synthetic(long seed) {
        Random random = new Random(seed);
        List<Interaction> rows = new ArrayList<>();
        long now = 1_736_000_000L;
        for (int u = 0; u < 60; u++) {
            long t = now - random.nextInt(3 * 86_400);
            for (int session = 0; session < 1 + random.nextInt(4); session++) {
                for (int v = 0; v < 1 + random.nextInt(6); v++) {
                    t += 1 + random.nextInt(900);
                    rows.add(new Interaction("u" + u, item(random), t, EventType.VIEW));
                }
                if (random.nextInt(3) == 0) {
                    t += 60;
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        rows.add(new Interaction("u" + u, item(random), t, EventType.PURCHASE));
                    }
                }
                t += 3_600 + random.nextInt(20_000);
            }
        }
        return rows;
    }

    private static String item(Random random) {
        return "SKU-" + (int) Math.floor(25 * Math.pow(random.nextDouble(), 2));
    }

    @Test
    void theWarehouseSqlRanksWhatTheJavaListsRank() throws Exception {
        for (ListOptions options : List.of(
                ListOptions.defaults().withSize(10).withTrending(Duration.ofHours(3), 2),
                ListOptions.defaults()
                        .withSize(5)
                        .withBoughtTogether(1, ListOptions.Measure.COSINE)
                        .withAlsoViewed(0.2)
                        .withPopularity(Duration.ofDays(2), null))) {
            List<Interaction> rows = synthetic(7);
            Map<String, List<ScoredItem>> java = new LinkedHashMap<>();
            for (ItemList list : RecipeLists.compute(rows, Map.of(), options)) {
                if (!list.items().isEmpty()) {
                    java.put(list.name().id() + "/" + list.key(), list.items());
                }
            }
            Map<String, List<ScoredItem>> sql = runOnH2(rows, options);
            assertThat(sql.keySet()).containsExactlyInAnyOrderElementsOf(java.keySet());
            assertThat(java.keySet())
                    .anyMatch(k -> k.startsWith("bought-together/"))
                    .anyMatch(k -> k.startsWith("also-viewed/"))
                    .anyMatch(k -> k.startsWith("similar/"))
                    .anyMatch(k -> k.startsWith("trending/"))
                    .anyMatch(k -> k.startsWith("seen/"))
                    .contains("most-viewed/_", "best-sellers/_", "most-popular/_");
            for (Map.Entry<String, List<ScoredItem>> list : java.entrySet()) {
                List<ScoredItem> got = sql.get(list.getKey());
                assertThat(got)
                        .extracting(ScoredItem::itemId)
                        .as(list.getKey())
                        .containsExactlyElementsOf(
                                list.getValue().stream().map(ScoredItem::itemId).toList());
                for (int k = 0; k < got.size(); k++) {
                    double want = list.getValue().get(k).score();
                    assertThat(got.get(k).score())
                            .as(list.getKey() + " #" + k)
                            .isCloseTo(want, within(Math.abs(want) * 1e-5));
                }
            }
        }
    }

    @Test
    void printsEveryStatementWithTheReplacementInOneTransaction() {
        String text = ListsWarehouseSql.of(
                        ListOptions.defaults(),
                        "SHOP.RECS.SNOWPLOW_RECOMMENDATIONS_ECOMMERCE_INTERACTIONS",
                        ListsTableStatements.named("API.DATA.PAPI_LISTS"))
                .text();
        assertThat(text)
                .contains("FROM SHOP.RECS.SNOWPLOW_RECOMMENDATIONS_ECOMMERCE_INTERACTIONS")
                .contains("CREATE HYBRID TABLE IF NOT EXISTS \"API\".\"DATA\".\"PAPI_LISTS\"")
                .containsSubsequence(
                        "BEGIN;",
                        "DELETE FROM \"API\".\"DATA\".\"PAPI_LISTS\";",
                        "ARRAY_AGG(OBJECT_CONSTRUCT('item_id', ITEM_ID, 'score', SCORE))",
                        "COMMIT;");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListsWarehouseSql.of(
                        ListOptions.defaults(), "T; DROP X", ListsTableStatements.named("PAPI_LISTS")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<ScoredItem>> runOnH2(List<Interaction> rows, ListOptions options) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:")) {
            try (Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE INTERACTIONS (USER_ID VARCHAR, ITEM_ID VARCHAR, \"TIMESTAMP\" BIGINT, EVENT_TYPE VARCHAR)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO INTERACTIONS VALUES (?, ?, ?, ?)")) {
                for (Interaction row : rows) {
                    insert.setString(1, row.user());
                    insert.setString(2, row.item());
                    insert.setLong(3, row.epochSeconds());
                    insert.setString(4, row.type() == EventType.VIEW ? "View" : "Purchase");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            ListsWarehouseSql sql =
                    ListsWarehouseSql.of(options, "INTERACTIONS", ListsTableStatements.named("PAPI_LISTS"));
            try (Statement s = c.createStatement()) {
                for (String statement : sql.portable()) {
                    s.execute(statement.replace("CREATE OR REPLACE TEMPORARY TABLE", "CREATE LOCAL TEMPORARY TABLE"));
                }
            }
            Map<String, List<ScoredItem>> lists = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT LIST_NAME, LIST_KEY, ITEM_ID, SCORE FROM PAPI_L_RANKED ORDER BY LIST_NAME, LIST_KEY, RANK_IN_LIST")) {
                while (rs.next()) {
                    lists.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(new ScoredItem(rs.getString(3), rs.getDouble(4)));
                }
            }
            return lists;
        }
    }
}
