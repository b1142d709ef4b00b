package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendListsCommandTest {
    @TempDir
    static Path home;

    static Path datasets;

    @BeforeAll
    static void buildDatasets() {
        CliRun cli = new CliRun(home);
        Path events = home.resolve("events");
        CliRun.Result generated = cli.run("data", "generate", "--kind", "ecommerce", "--out", events.toString());
        generated.succeeds();
        datasets = home.resolve("datasets");
        CliRun.Result built = cli.run(
                "datasets",
                "ecommerce",
                "--events",
                events.resolve("snowplow_ecommerce_product_interactions.parquet")
                        .toString(),
                "--out",
                datasets.toString());
        built.succeeds();
    }

    @Test
    void writesEveryListAsJsonLinesAndPublishesThemToTheLocalStore() throws Exception {
        Path out = home.resolve("lists.jsonl");
        Path local = home.resolve("local");
        CliRun.Result run = new CliRun(home)
                .run(
                        "recommend",
                        "lists",
                        "--datasets",
                        datasets.toString(),
                        "--out",
                        out.toString(),
                        "--publish",
                        "--local-dir",
                        local.toString(),
                        "--size",
                        "20");
        run.succeeds();
        assertThat(run.out()).contains("Published ").contains("PAPI_LISTS");

        ObjectMapper json = new ObjectMapper();
        Set<String> names = new HashSet<>();
        List<String> lines = Files.readAllLines(out);
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            names.add(node.get("list").asText());
            JsonNode items = node.get("items");
            if (node.get("list").asText().equals("seen")) {
                continue; // a user's items: latest first, shown with their event counts, not cut by --size
            }
            assertThat(items.size()).isLessThanOrEqualTo(20);
            double previous = Double.MAX_VALUE;
            for (JsonNode item : items) {
                assertThat(item.get("item_id").asText())
                        .isNotEqualTo(node.get("key").asText());
                assertThat(item.get("score").asDouble()).isLessThanOrEqualTo(previous);
                previous = item.get("score").asDouble();
            }
        }
        assertThat(names)
                .contains(
                        "most-viewed",
                        "best-sellers",
                        "most-popular",
                        "trending",
                        "bought-together",
                        "also-viewed",
                        "similar",
                        "for-you");
        // for-you: one row per user, never an item that user bought
        Map<String, Set<String>> bought = new java.util.HashMap<>();
        for (io.papi.lists.Interaction row :
                io.papi.lists.DatasetsFolder.read(datasets).interactions()) {
            if (row.type() == io.papi.lists.EventType.PURCHASE) {
                bought.computeIfAbsent(row.user(), k -> new HashSet<>()).add(row.item());
            }
        }
        assertThat(bought).isNotEmpty();
        int forYou = 0;
        int buyersChecked = 0;
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            if (node.get("list").asText().equals("for-you")) {
                forYou++;
                Set<String> mine = bought.getOrDefault(node.get("key").asText(), Set.of());
                buyersChecked += mine.isEmpty() ? 0 : 1;
                for (JsonNode item : node.get("items")) {
                    assertThat(mine).doesNotContain(item.get("item_id").asText());
                }
            }
        }
        assertThat(forYou).isGreaterThan(0);
        assertThat(buyersChecked).isGreaterThan(0);
        try (Connection c = DriverManager.getConnection(io.papi.cli.stack.LocalStore.jdbcUrl(local));
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM PAPI_LISTS")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(lines.size());
        }
    }

    /**
     * papi recommend lists ARGS -c shop --lists-table API.DATA.PAPI_LISTS on a scripted Snowflake that accepts every
     * statement; it must succeed.
     */
    private static ScriptedSnowflake listsInShop(String... args) throws Exception {
        ConnectionsToml.inHome(home, ConnectionsToml.SHOP);
        ScriptedSnowflake snowflake = new ScriptedSnowflake().accept(".");
        List<String> all =
                new ArrayList<>(List.of("recommend", "lists", "-c", "shop", "--lists-table", "API.DATA.PAPI_LISTS"));
        all.addAll(List.of(args));
        CliRun.Result run = new CliRun(home).snowflake(snowflake).run(all.toArray(String[]::new));
        run.succeeds();
        return snowflake;
    }

    @Test
    void publishesToSnowflakeStagingFirstThenReplacingInOneTransaction() throws Exception {
        ScriptedSnowflake snowflake =
                listsInShop("--datasets", datasets.toString(), "--publish", "--store", "snowflake");
        assertThat(snowflake.statements)
                .filteredOn(s -> !s.startsWith("ALTER SESSION") && !s.startsWith("SELECT CURRENT"))
                .containsSubsequence(
                        "CREATE HYBRID TABLE IF NOT EXISTS \"API\".\"DATA\".\"PAPI_LISTS\" (LIST_NAME VARCHAR(64) NOT NULL, LIST_KEY VARCHAR(256) NOT NULL, ITEMS VARIANT, PRIMARY KEY (LIST_NAME, LIST_KEY))",
                        "CREATE OR REPLACE TEMPORARY TABLE \"API\".\"DATA\".\"PAPI_LISTS_STAGE\" (LIST_NAME VARCHAR(64), LIST_KEY VARCHAR(256), ITEMS VARCHAR)",
                        "INSERT INTO \"API\".\"DATA\".\"PAPI_LISTS_STAGE\" (LIST_NAME, LIST_KEY, ITEMS) VALUES (?, ?, ?)",
                        "DELETE FROM \"API\".\"DATA\".\"PAPI_LISTS\"",
                        "INSERT INTO \"API\".\"DATA\".\"PAPI_LISTS\" (LIST_NAME, LIST_KEY, ITEMS) SELECT LIST_NAME, LIST_KEY, PARSE_JSON(ITEMS) FROM \"API\".\"DATA\".\"PAPI_LISTS_STAGE\"",
                        "DROP TABLE IF EXISTS \"API\".\"DATA\".\"PAPI_LISTS_STAGE\"");
    }

    @Test
    void inTheWarehouseComputesThereAndReplacesTheListsInOneTransaction() throws Exception {
        CliRun.Result printed =
                new CliRun(home).run("recommend", "lists", "--print-sql", "--interactions-table", "SHOP.RECS.EVENTS");
        printed.succeeds();
        assertThat(printed.out())
                .contains("FROM SHOP.RECS.EVENTS")
                .contains("BEGIN;")
                .contains("COMMIT;");
        ScriptedSnowflake snowflake = listsInShop("--in-warehouse", "--interactions-table", "SHOP.RECS.EVENTS");
        assertThat(snowflake.statements)
                .anyMatch(s -> s.contains("FROM SHOP.RECS.EVENTS"))
                .containsSubsequence(
                        "CREATE HYBRID TABLE IF NOT EXISTS \"API\".\"DATA\".\"PAPI_LISTS\" (LIST_NAME VARCHAR(64) NOT NULL, LIST_KEY VARCHAR(256) NOT NULL, ITEMS VARIANT, PRIMARY KEY (LIST_NAME, LIST_KEY))",
                        "DELETE FROM \"API\".\"DATA\".\"PAPI_LISTS\"");
        assertThat(snowflake.statements.get(snowflake.statements.size() - 1))
                .startsWith("INSERT INTO \"API\".\"DATA\".\"PAPI_LISTS\"");
        CliRun.Result both =
                new CliRun(home).run("recommend", "lists", "--in-warehouse", "--datasets", datasets.toString());
        both.failsWith(2);
    }

    @Test
    void badFlagsAndAMissingFolderAreOneLineWithExitTwo() {
        CliRun cli = new CliRun(home);
        CliRun.Result interval =
                cli.run("recommend", "lists", "--datasets", datasets.toString(), "--trend-interval", "2h");
        interval.failsWith(2, "30m, 1h, 3h, 1d");
        CliRun.Result missing =
                cli.run("recommend", "lists", "--datasets", home.resolve("nope").toString());
        missing.failsWith(2, "not a folder");
        CliRun.Result empty = cli.run(
                "recommend", "lists", "--datasets", home.resolve("events").toString());
        empty.failsWith(2, "no interactions under");
        // the hint names commands that exist
        assertThat(empty.err()).contains("build them with papi datasets ecommerce --events FILE --out ");
    }
}
