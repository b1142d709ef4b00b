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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {
    @TempDir
    static Path home;

    static Path data;

    @BeforeAll
    static void generate() {
        data = home.resolve("data");
        var result = new CliRun(home).run("data", "generate", "--out", data.toString());
        result.succeeds();
    }

    /** papi recommend on the generated ratings, with {@code flags}. */
    private static CliRun.Result recommend(Object... flags) {
        return new CliRun(home).run(Args.of("recommend", "--ratings", data, flags));
    }

    /** The first line of {@code out} that starts with {@code name} and a space: an algorithm's row. */
    private static String row(String out, String name) {
        return out.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
    }

    @Test
    void generateRefusesToOverwriteAndIsDeterministic() throws Exception {
        CliRun cli = new CliRun(home);
        var again = cli.run("data", "generate", "--out", data.toString());
        again.failsWith(2);
        Path other = home.resolve("other");
        assertThat(cli.run("data", "generate", "--out", other.toString()).exitCode())
                .isZero();
        assertThat(Files.mismatch(data.resolve("ratings.csv"), other.resolve("ratings.csv")))
                .isEqualTo(-1L);
    }

    @Test
    void writesOneLinePerUserInAscendingOrderWithoutItemsTheUserRated() throws Exception {
        Path out = home.resolve("recs-ease.jsonl");
        var result = recommend("--out", out);
        result.succeeds();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(943);
        ObjectMapper json = new ObjectMapper();
        long previous = 0;
        java.util.Map<Long, java.util.Set<Long>> rated = ratedItems();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            long user = node.get("user_id").asLong();
            assertThat(user).isGreaterThan(previous);
            previous = user;
            JsonNode recs = node.get("recommendations");
            assertThat(recs).hasSize(10);
            for (JsonNode item : recs) {
                assertThat(item.get("movie_name").asText()).isNotBlank();
                assertThat(item.get("movie_score").asText()).matches("-?\\d+\\.\\d\\d");
                assertThat(rated.get(user)).doesNotContain(item.get("item_id").asLong());
            }
        }
    }

    private static java.util.Map<Long, java.util.Set<Long>> ratedItems() throws Exception {
        java.util.Map<Long, java.util.Set<Long>> rated = new java.util.HashMap<>();
        List<String> rows = Files.readAllLines(data.resolve("ratings.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            rated.computeIfAbsent(Long.parseLong(f[0]), k -> new java.util.HashSet<>())
                    .add(Long.parseLong(f[1]));
        }
        return rated;
    }

    @Test
    void notebookGivesThreeAndUsersFileLimitsTheUsers() throws Exception {
        Path users = Files.writeString(home.resolve("users.txt"), "22\n186\n");
        var result = recommend("--algorithm", "notebook", "--users", users, "--out", "-");
        result.succeeds();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"user_id\":22,");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("recommendations"))
                .hasSize(3);
    }

    @Test
    void publishesToTheLocalStore() throws Exception {
        Path localDir = home.resolve("local-publish");
        var result = recommend("--algorithm", "popular", "--publish", "--local-dir", localDir);
        result.succeeds();
        assertThat(result.out()).contains("Published 943 users");
        assertThat(localDir.resolve("recs.jsonl")).doesNotExist();
        try (Connection c = DriverManager.getConnection(io.papi.cli.stack.LocalStore.jdbcUrl(localDir));
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT RECOMMENDATIONS FROM MOVIE_RECOMMENDATIONS_HYBRID WHERE USER_ID = '22'")) {
            assertThat(rs.next()).isTrue();
            assertThat(new ObjectMapper().readTree(rs.getString(1))).hasSize(10);
        }
    }

    @Test
    void evaluateRanksEaseAboveItemKnnAbovePopular() {
        var result = new CliRun(home)
                .run("recommend", "evaluate", "--ratings", data.toString(), "--algorithms", "ease,itemknn,popular");
        result.succeeds();
        List<Double> ndcg = new ArrayList<>();
        for (String name : List.of("ease", "itemknn", "popular")) {
            ndcg.add(Double.parseDouble(row(result.out(), name).trim().split("\\s+")[3]));
        }
        assertThat(ndcg.get(0)).isGreaterThan(ndcg.get(1));
        assertThat(ndcg.get(1)).isGreaterThan(ndcg.get(2));
    }

    @Test
    void theDefaultTunesAndPrintsItsChoiceAndAGivenKnobStaysFixed() {
        var tuned = recommend("--out", home.resolve("recs-tuned.jsonl"));
        tuned.succeeds();
        assertThat(tuned.out())
                .containsPattern("edlae: tuned lambda=\\d+ alpha=[0-9.]+ damping=[0-9.]+ input=(ratings|binary), "
                        + "validation nDCG@10 0\\.\\d{4} \\(\\d+ fits");

        var fixed = recommend("--lambda", "350", "--algorithm", "ease", "--out", home.resolve("recs-fixed.jsonl"));
        fixed.succeeds();
        assertThat(fixed.out()).contains("ease: lambda=350 (not tuned)");

        var off = recommend("--tune", "off", "--out", home.resolve("recs-off.jsonl"));
        assertThat(off.out()).contains("edlae: lambda=200 alpha=1 damping=0.2 input=ratings (not tuned)");

        var bad = recommend("--tune", "sometimes");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--tune must be auto or off, not 'sometimes'");
        var badInput = recommend("--input", "stars");
        assertThat(badInput.exitCode()).isEqualTo(2);
        assertThat(badInput.err()).contains("--input must be binary or ratings, not 'stars'");
    }

    @Test
    void evaluatePrintsOneTableWithTheKnobsEachAlgorithmChose() {
        var result = new CliRun(home)
                .run("recommend", "evaluate", "--ratings", data.toString(), "--algorithms", "edlae,ease,popular");
        result.succeeds();
        String edlae = row(result.out(), "edlae");
        String ease = row(result.out(), "ease");
        assertThat(edlae).containsPattern("lambda=\\d+ alpha=\\S+ damping=\\S+ input=\\S+ \\(tuned\\)");
        assertThat(ease).containsPattern("lambda=\\d+ \\(tuned\\)");
        assertThat(result.out()).containsPattern("(?m)^popular .* - ");
        assertThat(Double.parseDouble(edlae.trim().split("\\s+")[3]))
                .isGreaterThan(Double.parseDouble(ease.trim().split("\\s+")[3]));
    }

    @Test
    void theDefaultFallsBackToItemKnnOnALargeCatalogueAndSaysWhy() throws Exception {
        Path big = home.resolve("big");
        io.papi.recommender.SyntheticData.generate(1, io.papi.recommender.SyntheticShape.scaled(5_100, 5_200, 110_000))
                .writeGuideCsv(big);
        var result = new CliRun(home)
                .run(
                        "recommend",
                        "--ratings",
                        big.toString(),
                        "--tune",
                        "off",
                        "--out",
                        home.resolve("recs-big.jsonl").toString());
        result.succeeds();
        assertThat(result.err().strip())
                .isEqualTo(
                        "papi: edlae would invert a 5,100×5,100 matrix per fit (5100 users, "
                                + "5200 items), minutes with --tune auto; using itemknn (sparse item-kNN) instead, or run --in-warehouse -c CONN");
        assertThat(result.out())
                .contains("itemknn: neighbours=200 shrinkage=0 (not tuned)", "itemknn: top 10 for 5100 users");
    }

    @Test
    void printSqlShowsTheWarehouseScriptWithTheKnobsAndTablesFilledIn() {
        var result = new CliRun(home)
                .run(
                        "recommend",
                        "--print-sql",
                        "--neighbours",
                        "50",
                        "--shrinkage",
                        "10",
                        "--top",
                        "5",
                        "--table",
                        "APP.LOOKUP");
        result.succeeds();
        assertThat(result.out())
                .startsWith("SET NEIGHBOURS = 50;\n\nSET SHRINKAGE = 10;\n\nSET TOP_N = 5;\n\n")
                .contains(
                        "CREATE HYBRID TABLE IF NOT EXISTS \"APP\".\"LOOKUP\" (USER_ID NUMBER(38,0) NOT NULL PRIMARY KEY",
                        "BEGIN;",
                        "COMMIT;")
                .endsWith("DROP TABLE IF EXISTS PAPI_TOP_N;\n");
    }

    @Test
    void inWarehouseRefusesLocalInputsAndNeedsAConnection() {
        CliRun cli = new CliRun(home);
        var withFile = cli.run("recommend", "--in-warehouse", "--ratings", data.toString());
        assertThat(withFile.exitCode()).isEqualTo(2);
        assertThat(withFile.err()).contains("--in-warehouse reads --ratings-table in Snowflake: leave out --ratings");
        var ease = cli.run("recommend", "--in-warehouse", "--algorithm", "ease");
        ease.failsWith(2);
        var noAccount = cli.run("recommend", "--in-warehouse");
        noAccount.failsWith(2);
    }

    @Test
    void badRowsAreCountedOrStopTheRunWithStrict() throws Exception {
        Path bad = home.resolve("bad.csv");
        Files.writeString(
                bad,
                "USER_ID,ITEM_ID,RATING,TIMESTAMP\n1,10,4,2024-12-04T15:55:49.000\n1,11,nine,2024-12-04T15:55:49.000\n2,10,5,2024-12-04T15:55:49.000\n");
        CliRun cli = new CliRun(home);
        var lenient = cli.run("recommend", "--ratings", bad.toString(), "--algorithm", "popular", "--out", "-");
        lenient.succeeds();
        assertThat(lenient.err()).contains("1 bad").contains("bad.csv:3");

        var strict = cli.run("recommend", "--ratings", bad.toString(), "--strict", "--out", "-");
        strict.failsWith(2, "bad.csv:3");
    }

    @Test
    void unknownAlgorithmIsAUsageError() {
        var result = recommend("--algorithm", "svd");
        result.failsWith(2);
    }
}
