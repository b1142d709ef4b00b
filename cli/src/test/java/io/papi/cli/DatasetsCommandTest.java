package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi data generate --kind} and {@code papi datasets}, through the real command line. */
class DatasetsCommandTest {
    static final String ECOMMERCE = "snowplow_ecommerce_product_interactions";
    static final String HEADER =
            "ecommerce_user_id,domain_userid,domain_sessionid,product_id,derived_tstamp,is_product_view,"
                    + "product_view_type,is_add_to_cart,is_product_transaction,transaction_id,product_quantity,product_price,"
                    + "product_category,ecommerce_user_is_guest";

    @TempDir
    Path home;

    private CliRun.Result papi(String... args) {
        return new CliRun(home).run(args);
    }

    /** papi datasets KIND reading {@code input} (its --events, --plays or --ratings file) into {@code out}, then {@code rest}. */
    private CliRun.Result build(String kind, Path input, Path out, String... rest) {
        String inputFlag = switch (kind) {
            case "ecommerce" -> "--events";
            case "media" -> "--plays";
            case "ratings" -> "--ratings";
            default -> throw new IllegalArgumentException(kind);
        };
        return papi(Args.of("datasets", kind, inputFlag, input, "--out", out, rest));
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void generatedEcommerceEventsBuildTheThreeFoldersAndValidate() {
        Path events = home.resolve("events");
        CliRun.Result generated = papi("data", "generate", "--kind", "ecommerce", "--out", events.toString());
        generated.succeeds();
        Path out = home.resolve("datasets");
        CliRun.Result built = build("ecommerce", events.resolve(ECOMMERCE + ".parquet"), out);
        built.succeeds();
        for (String folder : new String[] {"interactions", "users", "items"}) {
            Path dataset = out.resolve("snowplow_recommendations_ecommerce_" + folder);
            assertThat(dataset.resolve("personalize-dataset.csv")).exists();
            assertThat(dataset.resolve("personalize-dataset.parquet")).exists();
            assertThat(dataset.resolve("schema.json")).exists();
        }
        assertThat(built.out())
                .contains("aws-ecomm-popular-items-by-purchases")
                .contains("validation: 0 errors")
                .contains("peak Java heap");
        CliRun.Result validated = papi("datasets", "validate", out.toString());
        validated.succeeds();
        CliRun.Result strict = papi("datasets", "validate", "--strict", out.toString());
        assertThat(strict.exitCode())
                .as("the generated items repeat ids whose price changed: a warning, an error with --strict")
                .isEqualTo(1);
        assertThat(strict.err()).contains("error:").contains("[duplicate-id]");
    }

    @Test
    void generatedMediaPlaysBuildTheMediaFolder() {
        Path events = home.resolve("events");
        assertThat(papi("data", "generate", "--kind", "media", "--out", events.toString())
                        .exitCode())
                .isZero();
        Path out = home.resolve("datasets");
        CliRun.Result built = build(
                "media",
                events.resolve("snowplow_media_player_base.csv"),
                out,
                "--valid-play-seconds",
                "30",
                "--format",
                "csv");
        built.succeeds();
        Path folder = out.resolve("snowplow_recommendations_media_interactions");
        assertThat(folder.resolve("personalize-dataset.csv")).exists();
        assertThat(folder.resolve("personalize-dataset.parquet")).doesNotExist();
    }

    @Test
    void ratingsFromTheSyntheticGuideFilesBuildInteractionsAndItems() {
        Path data = home.resolve("ml");
        assertThat(papi("data", "generate", "--out", data.toString()).exitCode())
                .isZero();
        Path out = home.resolve("datasets");
        CliRun.Result built = papi("datasets", "ratings", "--ratings", data.toString(), "--out", out.toString());
        built.succeeds();
        assertThat(out.resolve("snowplow_recommendations_ratings_interactions/personalize-dataset.csv"))
                .exists();
        assertThat(out.resolve("snowplow_recommendations_ratings_items/schema.json"))
                .exists();
        assertThat(out.resolve("snowplow_recommendations_ratings_users")).doesNotExist();
        assertThat(built.out()).contains("aws-vod-more-like-x");
    }

    @Test
    void ratingsFromAnyCsvWithAMappingBuildInteractions() throws IOException {
        StringBuilder csv = new StringBuilder("who;what;stars\n");
        for (int user = 1; user <= 30; user++) {
            for (int item = 1; item <= 40; item++) {
                csv.append(user)
                        .append(';')
                        .append(item)
                        .append(';')
                        .append(1 + (user + item) % 5)
                        .append('\n');
            }
        }
        Path file = Files.writeString(home.resolve("stars.csv"), csv);
        Path out = home.resolve("datasets");
        CliRun.Result built = build("ratings", file, out, "--mapping", "user=who,item=what,rating=stars,delimiter=;");
        assertThat(built.out()).as(built.toString()).contains("1,200 rows");
        // no timestamps in this file: the required TIMESTAMP is empty, which Personalize may refuse (a warning)
        assertThat(built.err()).contains("1,200 empty values in required field TIMESTAMP");
        assertThat(built.exitCode()).isZero();
        assertThat(out.resolve("snowplow_recommendations_ratings_items")).doesNotExist();
    }

    @Test
    void aMissingColumnIsNamedOnOneLineWithExitTwoAndNoOutput() throws IOException {
        Path events = Files.writeString(home.resolve("events.csv"), "domain_userid,product_id\nd1,p1\n");
        Path out = home.resolve("out");
        CliRun.Result result = build("ecommerce", events, out);
        result.failsWith(2, "missing column ecommerce_user_id");
        assertThat(out).doesNotExist();
        assertThat(entries(home)).isEqualTo(1);
    }

    @Test
    void anUnreadableFileIsOneLineWithExitTwo() throws IOException {
        Path garbage = Files.writeString(home.resolve("events.parquet"), "not parquet");
        CliRun.Result result = build("ecommerce", garbage, home.resolve("out"));
        result.failsWith(2, "not a readable Parquet file");
        assertThat(home.resolve("out")).doesNotExist();
        CliRun.Result absent = build("media", home.resolve("nope.csv"), home.resolve("out"));
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err()).contains("no such file");
    }

    @Test
    void aDateWindowWithNoRowsIsOneLineWithExitTwoAndNoOutput() throws IOException {
        Path events = Files.writeString(
                home.resolve("events.csv"),
                HEADER + "\n" + "u1,d1,s1,p1,2025-03-03 10:00:00,true,product_view,false,false,,,5.00,Kids,false\n");
        Path out = home.resolve("deep/out");
        CliRun.Result result =
                build("ecommerce", events, out, "--start-date", "2025-01-01", "--end-date", "2025-01-31");
        result.failsWith(2, "no interactions in the date window 2025-01-01..2025-01-31", "2025-03-03..2025-03-03");
        assertThat(home.resolve("deep")).doesNotExist();
    }

    @Test
    void lookBackDaysCountFromAsOf() throws IOException {
        Path events = Files.writeString(
                home.resolve("events.csv"),
                HEADER + "\n" + "u1,d1,s1,p1,2025-03-03 10:00:00,true,product_view,false,false,,,5.00,Kids,false\n");
        CliRun.Result sql = papi(
                "datasets",
                "ecommerce",
                "--events",
                events.toString(),
                "--print-sql",
                "--as-of",
                "2025-03-10",
                "--look-back-days",
                "7");
        assertThat(sql.exitCode()).isZero();
        assertThat(sql.out()).contains("BETWEEN DATE '2025-03-03' AND DATE '2025-03-09'");
    }

    @Test
    void printSqlShowsTheSnowflakeStatementsWithoutConnecting() {
        CliRun.Result result = papi(
                "datasets",
                "ecommerce",
                "--table",
                "SHOP.RAW.EVENTS",
                "--stage",
                "@SHOP.RAW.EXPORTS",
                "--print-sql",
                "--dedupe",
                "--views",
                "product-view");
        result.succeeds();
        assertThat(result.out())
                .contains("CREATE OR REPLACE TEMPORARY TABLE snowplow_recommendations_ecommerce_interactions AS")
                .contains("FROM SHOP.RAW.EVENTS")
                .contains("product_view_type = 'product_view'")
                .contains("QUALIFY ROW_NUMBER()")
                .contains(
                        "COPY INTO @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_items/personalize-dataset.parquet");
    }

    @Test
    void misuseIsOneLineWithExitTwo() {
        assertThat(papi("datasets", "ecommerce", "--table", "SHOP.RAW.EVENTS").err())
                .contains("--table needs --stage");
        CliRun.Result noSource =
                papi("datasets", "ecommerce", "--out", home.resolve("o").toString());
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err())
                .contains("--events FILE is required")
                .contains("papi data generate --kind ecommerce");
        assertThat(papi("datasets", "ecommerce", "--events", "x.csv", "--views", "some")
                        .err())
                .contains("--views takes all or product-view");
        assertThat(papi("datasets", "ecommerce", "--events", "x.csv", "--format", "xml")
                        .exitCode())
                .isEqualTo(2);
        assertThat(papi("datasets", "media", "--table", "bad name", "--stage", "@A.B.C", "--print-sql")
                        .err())
                .contains("--table must be DB.SCHEMA.TABLE");
        assertThat(papi(
                                "data",
                                "generate",
                                "--kind",
                                "books",
                                "--out",
                                home.resolve("g").toString())
                        .err())
                .contains("--kind takes");
    }

    @Test
    void validateReportsEachProblemWithDatasetRowAndRuleAndExitsOne() throws IOException {
        Path folder = Files.createDirectories(home.resolve("snowplow_recommendations_ecommerce_users"));
        Files.writeString(
                folder.resolve("schema.json"),
                "{\"type\":\"record\",\"name\":\"Users\",\"fields\":["
                        + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ECOMMERCE_USER_IS_GUEST\",\"type\":\"string\",\"categorical\":true}],"
                        + "\"version\":\"1.0\"}");
        Files.writeString(
                folder.resolve("personalize-dataset.csv"),
                "USER_ID,ECOMMERCE_USER_IS_GUEST\n" + "u".repeat(300) + ",True\n");
        CliRun.Result result = papi("datasets", "validate", folder.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("snowplow_recommendations_ecommerce_users: row 1: error: USER_ID is 300 characters, "
                        + "over Personalize's 256 [id-length]");
    }
}
