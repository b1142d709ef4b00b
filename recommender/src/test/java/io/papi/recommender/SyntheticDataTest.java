package io.papi.recommender;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDataTest {

    /**
     * SHA-256 of ratings.csv for the default seed. Pinned so that a change to the generator (or a JVM whose
     * Random or StrictMath differ, which the specification forbids) shows up here: the quickstart, the docs'
     * figures and the evaluation test all assume these bytes.
     */
    private static final String DEFAULT_RATINGS_SHA256 = "5e157aa1179484be1dcbc23c84048ef939ebe2299af62d1bfb2674acf653d527";

    @Test
    void hasMovieLens100kShape() {
        SyntheticData d = TestData.synthetic();
        Ratings r = d.ratings();

        assertThat(r.userCount()).isEqualTo(943);
        assertThat(r.itemCount()).isEqualTo(1682);
        assertThat(r.size()).isEqualTo(100_000);
        int fewest = Integer.MAX_VALUE;
        for (int u = 0; u < r.userCount(); u++) {
            fewest = Math.min(fewest, r.end(u) - r.start(u));
        }
        assertThat(fewest).as("fewest ratings of a user").isGreaterThanOrEqualTo(20);
        int[] histogram = new int[6];
        for (int p = 0; p < r.size(); p++) {
            float v = r.value(p);
            histogram[v == Math.rint(v) && v >= 1 && v <= 5 ? (int) v : 0]++;
        }
        assertThat(histogram[0]).as("ratings other than 1..5").isZero();
        assertThat(histogram).as("every rating value occurs").satisfies(h -> assertThat(h[1] * h[2] * h[3] * h[4] * h[5]).isPositive());
        assertThat(d.titles().size()).isEqualTo(1682);
        assertThat(new HashSet<>(d.titles().asMap().values())).hasSize(1682);
        assertThat(d.userIds()).hasSize(943).startsWith(1L).endsWith(943L);
    }

    @Test
    void itemPopularityIsLongTailed() {
        int[] counts = TestData.synthetic().ratings().itemCounts();
        Arrays.sort(counts);
        long top10 = 0;
        for (int k = counts.length - counts.length / 10; k < counts.length; k++) {
            top10 += counts[k];
        }
        long bottomHalf = 0;
        for (int k = 0; k < counts.length / 2; k++) {
            bottomHalf += counts[k];
        }
        // MovieLens 100K: the top 10% of items hold about 40% of ratings, the bottom half about 10%.
        assertThat(top10).isGreaterThan(30_000);
        assertThat(bottomHalf).isLessThan(20_000);
        assertThat(counts[counts.length - 1]).isGreaterThan(20 * counts[counts.length / 2]);
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        List<Path> written = TestData.synthetic().writeGuideCsv(a);
        SyntheticData.generate(SyntheticData.DEFAULT_SEED).writeGuideCsv(b);
        SyntheticData.generate(7).writeGuideCsv(c);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("ratings.csv", "titles.csv", "users.csv");
        for (String name : List.of("ratings.csv", "titles.csv", "users.csv")) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        assertThat(sha256(a.resolve("ratings.csv"))).isEqualTo(DEFAULT_RATINGS_SHA256);
        assertThat(sha256(c.resolve("ratings.csv"))).isNotEqualTo(DEFAULT_RATINGS_SHA256);
        try (var files = Files.list(a)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ratings.csv", "titles.csv", "users.csv");
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
        assertThat(firstDifference).as("first rating that differs after the round trip").isEqualTo(-1);
        assertThat(loaded.titles().asMap()).isEqualTo(d.titles().asMap());
        assertThat(Loaders.users(dir.resolve("users.csv"))).isEqualTo(d.userIds());
        assertThat(Files.readString(dir.resolve("titles.csv"))).contains(",\"").startsWith("ITEM_ID,TITLE\n");
        assertThat(Files.readAllLines(dir.resolve("ratings.csv")).get(1)).matches("1,\\d+,[1-5],2024-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000|1,\\d+,[1-5],2025-.*");
    }

    private static String sha256(Path p) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
