package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataTest {

    /**
     * SHA-256 of ratings.csv for the default seed. Pinned so that a change to the generator (or a JVM whose
     * Random or StrictMath differ, which the specification forbids) shows up here: the quickstart, the docs'
     * figures and the evaluation test all assume these bytes.
     */
    private static final String DEFAULT_RATINGS_SHA256 =
            "98a6f9d27138d214fb5a69d67c6163a422b61e8fe09282d57175304ca2290ed1";

    @Test
    void hasMovieLens100kPublishedStatisticsExactly() {
        SyntheticData d = TestData.synthetic();
        Ratings r = d.ratings();

        assertThat(r.userCount()).isEqualTo(943);
        assertThat(r.itemCount()).isEqualTo(1682);
        assertThat(r.size()).isEqualTo(100_000);
        int[] perUser = new int[r.userCount()];
        for (int u = 0; u < r.userCount(); u++) {
            perUser[u] = r.end(u) - r.start(u);
        }
        Arrays.sort(perUser);
        assertThat(perUser[0]).as("fewest ratings of a user").isEqualTo(20);
        assertThat(perUser[471]).as("median ratings per user").isEqualTo(65);
        assertThat(perUser[942]).as("most ratings of a user").isEqualTo(737);
        int[] perItem = r.itemCounts();
        Arrays.sort(perItem);
        assertThat(perItem[0]).as("fewest ratings of an item").isEqualTo(1);
        assertThat(perItem[840] + perItem[841])
                .as("twice the median ratings per item")
                .isEqualTo(54);
        assertThat(perItem[1681]).as("most ratings of an item").isEqualTo(583);
        assertThat(Arrays.stream(perItem).filter(c -> c == 1).count())
                .as("items rated once")
                .isEqualTo(141);
        int[] histogram = new int[6];
        for (int p = 0; p < r.size(); p++) {
            float v = r.value(p);
            histogram[v == Math.rint(v) && v >= 1 && v <= 5 ? (int) v : 0]++;
        }
        // MovieLens 100K's value counts, which round to the published 6 / 11 / 27 / 34 / 21 %.
        assertThat(histogram).containsExactly(0, 6110, 11370, 27145, 34174, 21201);
        assertThat(d.completionTrades())
                .as("ratings traded to meet every count")
                .isZero();
        assertThat(d.titles().size()).isEqualTo(1682);
        assertThat(new HashSet<>(d.titles().asMap().values())).hasSize(1682);
        assertThat(d.userIds()).hasSize(943).startsWith(1L).endsWith(943L);
    }

    @Test
    void anotherSeedKeepsTheShapeAndAScaledShapeItsProportions() {
        int[] perItem = SyntheticData.generate(7).ratings().itemCounts();
        assertThat(Arrays.stream(perItem).filter(c -> c == 1).count()).isEqualTo(141);
        assertThat(Arrays.stream(perItem).max().orElseThrow()).isEqualTo(583);

        SyntheticShape big = SyntheticShape.scaled(2000, 4000, 200_000);
        Ratings r = SyntheticData.generate(1, big).ratings();
        assertThat(r.size()).isEqualTo(200_000);
        assertThat(r.userCount()).isEqualTo(2000);
        assertThat(r.itemCount()).isEqualTo(4000);
        assertThat(Arrays.stream(r.itemCounts()).filter(c -> c == 1).count()).isEqualTo(big.itemsRatedOnce());
    }

    @Test
    void refusesAShapeThatCannotBeMet() {
        assertThatThrownBy(() -> new SyntheticShape(
                        10, 10, 1000, 20, 65, 737, 1, 27, 583, new double[] {0.2, 0.2, 0.2, 0.2, 0.2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticShape(
                        943, 1682, 100_000, 20, 65, 737, 141, 27, 583, new double[] {0.06, 0.11, 0.27, 0.34, 0.21}))
                .hasMessage("rating shares must be five non-negative numbers summing to 1");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        List<Path> written = TestData.synthetic().writeGuideCsv(a);
        SyntheticData.generate(SyntheticData.DEFAULT_SEED).writeGuideCsv(b);
        SyntheticData.generate(7).writeGuideCsv(c);

        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("ratings.csv", "titles.csv", "users.csv");
        for (String name : List.of("ratings.csv", "titles.csv", "users.csv")) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        assertThat(sha256(a.resolve("ratings.csv"))).isEqualTo(DEFAULT_RATINGS_SHA256);
        assertThat(sha256(c.resolve("ratings.csv"))).isNotEqualTo(DEFAULT_RATINGS_SHA256);
        try (var files = Files.list(a)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ratings.csv", "titles.csv", "users.csv");
        }
    }

    @Test
    void theWrittenFilesLoadBackExactlyThroughTheGuideCsvLoader(@TempDir Path dir) throws IOException {
        SyntheticData d = TestData.synthetic();
        d.writeGuideCsv(dir);

        Dataset loaded = Loaders.guideCsvDirectory(dir, LoadOptions.strictMode());

        Ratings a = d.ratings();
        Ratings b = loaded.ratings();
        assertThat(b.userIds()).isEqualTo(a.userIds());
        assertThat(b.itemIds()).isEqualTo(a.itemIds());
        assertThat(b.size()).isEqualTo(a.size());
        int firstDifference = -1;
        for (int p = 0; p < a.size() && firstDifference < 0; p++) {
            if (b.item(p) != a.item(p) || b.value(p) != a.value(p) || b.timestamp(p) != a.timestamp(p)) {
                firstDifference = p;
            }
        }
        assertThat(firstDifference)
                .as("first rating that differs after the round trip")
                .isEqualTo(-1);
        assertThat(loaded.titles().asMap()).isEqualTo(d.titles().asMap());
        assertThat(Loaders.users(dir.resolve("users.csv"))).isEqualTo(d.userIds());
        assertThat(Files.readString(dir.resolve("titles.csv"))).contains(",\"").startsWith("ITEM_ID,TITLE\n");
        assertThat(Files.readAllLines(dir.resolve("ratings.csv")).get(1))
                .matches("1,\\d+,[1-5],2024-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000|1,\\d+,[1-5],2025-.*");
    }

    private static String sha256(Path p) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
