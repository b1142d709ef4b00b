package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.cli.ScriptedSnowflake.Rows;
import io.papi.datasets.InputShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code papi recommend lists --events/--plays} (the datasets built in a temporary folder) and
 * {@code --in-warehouse --events-table/--plays-table} (the datasets' SQL, then the lists' SQL).
 */
class RecommendListsEventsTest {
    static final String[] WINDOW = {"--start-date", "2025-01-05", "--end-date", "2025-01-15"};

    @TempDir
    static Path home;

    static Path ecommerce;
    static Path media;

    @BeforeAll
    static void generateEvents() {
        Path events = home.resolve("events");
        for (String kind : new String[] {"ecommerce", "media"}) {
            CliRun.Result generated = new CliRun(home)
                    .run("data", "generate", "--kind", kind, "--users", "300", "--out", events.toString());
            generated.succeeds();
        }
        ecommerce = events.resolve(InputShape.ECOMMERCE.table() + ".csv");
        media = events.resolve(InputShape.MEDIA.table() + ".parquet");
    }

    /** A fresh TMPDIR, so a test sees what the command left in it. */
    private static Path tmpdir(String name) throws IOException {
        return Files.createDirectories(home.resolve("tmp-" + name));
    }

    private static CliRun cli(Path tmpdir) {
        return new CliRun(home).env("TMPDIR", tmpdir.toString());
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    /** The JSON Lines of papi recommend lists with {@code args}; the TMPDIR it was given is empty afterwards. */
    private static String lists(String name, String... args) throws IOException {
        Path tmp = tmpdir(name);
        Path out = home.resolve(name + ".jsonl");
        CliRun.Result run = cli(tmp).run(Args.of("recommend", "lists", "--out", out.toString(), args));
        run.succeeds();
        assertThat(entries(tmp)).as("the temporary datasets folder is removed").isZero();
        return Files.readString(out);
    }

    /** The JSON Lines of papi datasets KIND {@code args} --out DIR, then papi recommend lists --datasets DIR. */
    private static String listsOfBuiltDatasets(String name, String kind, String... args) throws IOException {
        Path datasets = home.resolve(name + "-datasets");
        CliRun.Result built =
                new CliRun(home).run(Args.of("datasets", kind, "--out", datasets.toString(), "--format", "csv", args));
        // exit 1 where a narrow window leaves fewer interactions than Personalize trains on: built, then refused
        assertThat(built.exitCode()).as(built.toString()).isIn(0, 1);
        assertThat(built.out()).as(built.toString()).contains("built in ");
        return lists(name + "-from-datasets", "--datasets", datasets.toString());
    }

    @Test
    void listsFromEventsEqualTheListsOfTheDatasetsPapiDatasetsBuildsFromThem() throws IOException {
        String fromEvents = lists("events", "--events", ecommerce.toString());
        assertThat(fromEvents).contains("\"list\":\"bought-together\"").contains("\"list\":\"for-you\"");
        assertThat(fromEvents).isEqualTo(listsOfBuiltDatasets("events", "ecommerce", "--events", ecommerce.toString()));
    }

    @Test
    void theWindowAndTheEcommerceFlagsShapeTheListsAsTheyShapeTheDatasets() throws IOException {
        String[] shaped = Args.of(WINDOW, "--views", "product-view", "--dedupe", "--category-separator", "/");
        String fromEvents = lists("shaped", Args.of(shaped, "--events", ecommerce.toString()));
        assertThat(fromEvents)
                .isEqualTo(
                        listsOfBuiltDatasets("shaped", "ecommerce", Args.of(shaped, "--events", ecommerce.toString())));
        assertThat(fromEvents)
                .as("a narrower window is other lists")
                .isNotEqualTo(lists("unshaped", "--events", ecommerce.toString()));
    }

    @Test
    void listsFromPlaysEqualTheListsOfTheMediaDatasets() throws IOException {
        String[] shaped = Args.of(WINDOW, "--valid-play-seconds", "30", "--plays", media.toString());
        String fromPlays = lists("plays", shaped);
        assertThat(fromPlays).contains("\"list\":\"most-popular\"").contains("\"list\":\"similar\"");
        assertThat(fromPlays).isEqualTo(listsOfBuiltDatasets("plays", "media", shaped));
        assertThat(fromPlays).isNotEqualTo(lists("plays-all", "--plays", media.toString()));
    }

    @Test
    void badCombinationsAndAMissingFileAreOneLineWithExitTwoAndWriteNothing() throws IOException {
        Path tmp = tmpdir("bad");
        Path out = home.resolve("bad.jsonl");
        String e = ecommerce.toString();
        List<List<String>> bad = List.of(
                List.of("--events", e, "--datasets", home.toString()),
                List.of("--events", e, "--plays", media.toString()),
                List.of("--events", e, "--ratings", home.toString()),
                List.of("--events", e, "--in-warehouse"),
                List.of("--datasets", home.toString(), "--start-date", "2025-01-05"),
                List.of("--events", e, "--valid-play-seconds", "30"),
                List.of("--plays", media.toString(), "--views", "product-view"),
                List.of("--events-table", "SHOP.RAW.EVENTS"),
                List.of("--in-warehouse", "--events-table", "SHOP.RAW.EVENTS", "--plays-table", "SHOP.RAW.PLAYS"),
                List.of("--print-sql", "--events", e),
                List.of("--events", e, "--views", "some"),
                List.of("--events", home.resolve("no-such.csv").toString()),
                List.of("--events", e, "--start-date", "2026-01-01", "--end-date", "2026-01-31"));
        for (List<String> args : bad) {
            List<String> all = new ArrayList<>(List.of("recommend", "lists", "--out", out.toString()));
            all.addAll(args);
            CliRun.Result run = cli(tmp).run(all.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + "\n" + run).isEqualTo(2);
            assertThat(run.oneLineError()).as(args + "\n" + run).isTrue();
            assertThat(out).as(args.toString()).doesNotExist();
            assertThat(entries(tmp))
                    .as(args + ": the temporary folder is removed")
                    .isZero();
        }
        CliRun.Result missing = cli(tmp).run(
                        "recommend",
                        "lists",
                        "--events",
                        home.resolve("no-such.csv").toString());
        assertThat(missing.err()).contains("no-such.csv: no such file");
        CliRun.Result empty = cli(tmp).run("recommend", "lists", "--events", e, "--as-of", "2030-06-01");
        assertThat(empty.err()).contains("no interactions in the date window 2030-05-01..2030-05-31");
        CliRun.Result mixed = cli(tmp).run("recommend", "lists", "--plays", media.toString(), "--dedupe");
        assertThat(mixed.err()).contains("--dedupe shapes the datasets built from events: it goes with --events");
    }

    private static ScriptedSnowflake snowflake(InputShape shape) throws IOException {
        ConnectionsToml.inHome(home, ConnectionsToml.SHOP);
        Rows columns = Rows.of("COLUMN_NAME");
        shape.requiredColumns().forEach(c -> columns.row(c.toUpperCase(java.util.Locale.ROOT)));
        return new ScriptedSnowflake()
                .accept(".")
                .answer("INFORMATION_SCHEMA\\.COLUMNS", columns)
                .answer(
                        "^SELECT COUNT\\(\\*\\) FROM snowplow_recommendations_",
                        Rows.of("COUNT(*)").row(5000L));
    }

    /** --print-sql's statements, without comments, BEGIN and COMMIT. */
    private static List<String> printed(String text) {
        return Arrays.stream(text.split(";\n"))
                .map(RecommendListsEventsTest::withoutComments)
                .filter(sql -> !sql.isEmpty() && !sql.equals("BEGIN") && !sql.equals("COMMIT"))
                .toList();
    }

    private static String withoutComments(String sql) {
        return String.join(
                        "\n", sql.lines().filter(line -> !line.startsWith("--")).toList())
                .strip();
    }

    private static void buildsTheInteractionsThenTheListsAsPrinted(
            InputShape shape, String flag, String dataset, String... window) throws IOException {
        ScriptedSnowflake snowflake = snowflake(shape);
        String[] source = Args.of(flag, "SHOP.RAW.EVENTS", "--lists-table", "API.DATA.PAPI_LISTS", window);
        CliRun.Result run = new CliRun(home)
                .snowflake(snowflake)
                .run(Args.of("recommend", "lists", "--in-warehouse", "-c", "shop", source));
        run.succeeds();
        assertThat(run.out()).contains("Published the lists of SHOP.RAW.EVENTS to API.DATA.PAPI_LISTS");
        List<String> ran = snowflake.statements.stream()
                .filter(s -> !s.startsWith("ALTER SESSION") && !s.startsWith("SELECT CURRENT"))
                .toList();
        assertThat(ran.get(0)).contains("INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?");
        assertThat(ran.get(1))
                .startsWith("CREATE OR REPLACE TEMPORARY TABLE " + dataset + " AS")
                .contains("FROM SHOP.RAW.EVENTS")
                .contains("DATE '" + (window.length > 0 ? window[1] : "2025-01-01") + "'");
        assertThat(ran.get(2)).isEqualTo("SELECT COUNT(*) FROM " + dataset);
        assertThat(ran.get(3))
                .startsWith("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_EVENTS")
                .endsWith("FROM " + dataset.toUpperCase(java.util.Locale.ROOT));
        assertThat(ran).noneMatch(s -> s.startsWith("COPY"));
        assertThat(ran.get(ran.size() - 1)).startsWith("INSERT INTO \"API\".\"DATA\".\"PAPI_LISTS\"");

        CliRun.Result print = new CliRun(home).run(Args.of("recommend", "lists", "--print-sql", source));
        print.succeeds();
        List<String> shown = printed(print.out());
        assertThat(shown.get(0))
                .contains("INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'RAW' AND TABLE_NAME = 'EVENTS'");
        List<String> ranButTheCheckAndCount = ran.stream()
                .filter(s -> !s.startsWith("SELECT"))
                .map(RecommendListsEventsTest::withoutComments)
                .toList();
        assertThat(shown.subList(1, shown.size()))
                .as("--print-sql prints what runs, in the order it runs")
                .isEqualTo(ranButTheCheckAndCount);
    }

    @Test
    void inTheWarehouseTheEventsTableBecomesInteractionsThenLists() throws IOException {
        buildsTheInteractionsThenTheListsAsPrinted(
                InputShape.ECOMMERCE, "--events-table", "snowplow_recommendations_ecommerce_interactions", WINDOW);
    }

    @Test
    void inTheWarehouseThePlaysTableBecomesMediaInteractionsThenLists() throws IOException {
        buildsTheInteractionsThenTheListsAsPrinted(
                InputShape.MEDIA, "--plays-table", "snowplow_recommendations_media_interactions");
    }

    @Test
    void anEmptyWindowInTheWarehouseStopsBeforeTheListsAreTouched() throws IOException {
        ScriptedSnowflake snowflake = snowflake(InputShape.ECOMMERCE)
                .answer(
                        "^SELECT COUNT\\(\\*\\) FROM snowplow_recommendations_",
                        Rows.of("COUNT(*)").row(0L));
        CliRun.Result run = new CliRun(home)
                .snowflake(snowflake)
                .run("recommend", "lists", "--in-warehouse", "-c", "shop", "--events-table", "SHOP.RAW.EVENTS");
        run.failsWith(2, "SHOP.RAW.EVENTS: no interactions in the date window 2025-01-01..2025-01-31");
        assertThat(snowflake.statements).noneMatch(s -> s.contains("PAPI_L_") || s.contains("PAPI_LISTS"));
    }
}
