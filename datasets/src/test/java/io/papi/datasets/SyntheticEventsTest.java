package io.papi.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic Snowplow tables: pinned bytes, Personalize's minimums met by default, the shapes' edge cases. */
class SyntheticEventsTest {
    // the SHA-256 of the default tables' CSV: a change of generator that changes the bytes must change these
    static final String ECOMMERCE_SHA256 = "029741248b061d2e2514642f61c8d11c27becefb56179d2956cf82f5d7e7fa98";
    static final String MEDIA_SHA256 = "68e7fa60e456dcc3bcb8dab743678f4471b9c045d2cacf5f7fc016110310afdf";

    @TempDir
    Path dir;

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theSameSeedGivesTheSameBytesPinnedByAHash() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        SyntheticEvents.writeCsv(SyntheticEvents.Spec.defaults(InputShape.ECOMMERCE), a);
        SyntheticEvents.writeCsv(SyntheticEvents.Spec.defaults(InputShape.ECOMMERCE), b);
        assertThat(sha256(a)).isEqualTo(sha256(b)).isEqualTo(ECOMMERCE_SHA256);
        Path media = dir.resolve("m.csv");
        SyntheticEvents.writeCsv(SyntheticEvents.Spec.defaults(InputShape.MEDIA), media);
        assertThat(sha256(media)).isEqualTo(MEDIA_SHA256);
        Path other = dir.resolve("other.csv");
        SyntheticEvents.writeCsv(
                new SyntheticEvents.Spec(InputShape.ECOMMERCE, 7, 1000, 45, SyntheticEvents.DEFAULT_FIRST_DAY), other);
        assertThat(sha256(other)).isNotEqualTo(ECOMMERCE_SHA256);
    }

    @Test
    void theDefaultEcommerceTableTrainsEveryRecipeAndCarriesTheShapesEdgeCases() throws IOException {
        List<Path> files =
                SyntheticEvents.write(SyntheticEvents.Spec.defaults(InputShape.ECOMMERCE), dir.resolve("ev"), true);
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "snowplow_ecommerce_product_interactions.csv",
                        "snowplow_ecommerce_product_interactions.parquet");
        String csv = Files.readString(files.get(0));
        assertThat(csv)
                .contains("list_view")
                .contains("product_view")
                .contains("T-") // impressions, views, transactions
                .contains("\"user, \"\"")
                .contains("Größe")
                .contains("Women/")
                .contains("2024-12-2")
                .contains("2025-02-0");
        Path out = dir.resolve("out");
        for (Path input : files) { // the CSV and the Parquet give the same datasets
            Path each = out.resolve(input.getFileName().toString());
            Fixtures.build(input, InputShape.ECOMMERCE, TrainingDataset.ecommerce(), BuildOptions.defaults(), each);
            ValidationReport report = Validator.validate(each, false);
            assertThat(report.errors()).as(report.problems().toString()).isZero();
            assertThat(report.recipes()).hasSize(5).allMatch(RecipeTable.Row::trainable);
        }
        for (TrainingDataset dataset : TrainingDataset.ecommerce()) {
            assertThat(Fixtures.rows(out.resolve(files.get(0).getFileName().toString()), dataset))
                    .isEqualTo(
                            Fixtures.rows(out.resolve(files.get(1).getFileName().toString()), dataset));
        }
        List<List<String>> users =
                Fixtures.rows(out.resolve(files.get(0).getFileName().toString()), TrainingDataset.ECOMMERCE_USERS);
        assertThat(users)
                .anyMatch(u -> u.get(1).equals("True"))
                .anyMatch(u -> u.get(1).equals("False"));
    }

    @Test
    void theDefaultMediaTableTrainsEveryRecipeAndHasPlaysOfExactlyThirtySeconds() throws IOException {
        List<Path> files =
                SyntheticEvents.write(SyntheticEvents.Spec.defaults(InputShape.MEDIA), dir.resolve("ev"), true);
        String csv = Files.readString(files.get(0));
        assertThat(csv).contains(",30,").contains(",29,").contains(",31,").contains("Ünïcode");
        Path out = dir.resolve("out");
        Fixtures.build(
                files.get(1),
                InputShape.MEDIA,
                List.of(TrainingDataset.MEDIA_INTERACTIONS),
                BuildOptions.defaults(),
                out);
        ValidationReport report = Validator.validate(out, false);
        assertThat(report.errors()).as(report.problems().toString()).isZero();
        // trending now and the Watch recipes; more like X needs an items dataset, which media plays do not give
        assertThat(report.recipes()).filteredOn(RecipeTable.Row::trainable).hasSize(4);
    }

    @Test
    void usersAndDaysScaleTheData() throws IOException {
        Path small = dir.resolve("small.csv");
        Path large = dir.resolve("large.csv");
        long few = SyntheticEvents.writeCsv(
                new SyntheticEvents.Spec(InputShape.ECOMMERCE, 1, 100, 45, SyntheticEvents.DEFAULT_FIRST_DAY), small);
        long many = SyntheticEvents.writeCsv(
                new SyntheticEvents.Spec(InputShape.ECOMMERCE, 1, 400, 45, SyntheticEvents.DEFAULT_FIRST_DAY), large);
        assertThat(many).isBetween(3 * few, 5 * few);
        Path shortSpan = dir.resolve("days.csv");
        SyntheticEvents.writeCsv(
                new SyntheticEvents.Spec(InputShape.MEDIA, 1, 100, 3, SyntheticEvents.DEFAULT_FIRST_DAY), shortSpan);
        assertThat(Files.readString(shortSpan)).contains("2024-12-27").doesNotContain("2024-12-28");
    }
}
