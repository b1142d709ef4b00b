package io.papi.datasets;

import static io.papi.datasets.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VIDEO_ON_DEMAND datasets from ratings, on a handful of made-up ratings and ml-100k-shaped lines. */
class RatingsDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void interactionsAreWatchWithTheRatingAsEventValueAndItemsAndUsersComeWhereKnown() throws IOException {
        RatingsInput input = new RatingsInput(
                new long[] {1, 1, 2},
                new long[] {10, 20, 10},
                new float[] {4, 2.5f, 5},
                new long[] {875_000_000L, RatingsInput.NO_TIMESTAMP, 875_000_100L},
                Map.of(
                        10L,
                        new RatingsInput.Item("Made Up, \"The\" (1990)", "Comedy|Drama", 631_152_000L),
                        20L,
                        new RatingsInput.Item("Other (1991)", null, null)),
                Map.of(1L, new RatingsInput.User(31, "F", "writer")));
        Path out = dir.resolve("out");
        List<TrainingDataset> datasets = LocalDatasetBuilder.ratingsDatasets(input);
        assertThat(datasets)
                .containsExactly(
                        TrainingDataset.RATINGS_INTERACTIONS,
                        TrainingDataset.RATINGS_ITEMS,
                        TrainingDataset.RATINGS_USERS);
        try (OutputFolder folder = OutputFolder.prepare(out, datasets, false)) {
            LocalDatasetBuilder.buildRatings(input, BuildOptions.defaults(), folder);
            folder.commit();
        }
        assertThat(rows(out, TrainingDataset.RATINGS_INTERACTIONS))
                .containsExactly(
                        List.of("1", "10", "875000000", "Watch", "4.0"),
                        List.of("1", "20", "", "Watch", "2.5"),
                        List.of("2", "10", "875000100", "Watch", "5.0"));
        assertThat(rows(out, TrainingDataset.RATINGS_ITEMS))
                .containsExactly(
                        List.of("10", "Made Up, \"The\" (1990)", "Comedy|Drama", "631152000"),
                        List.of("20", "Other (1991)", "", ""));
        assertThat(rows(out, TrainingDataset.RATINGS_USERS)).containsExactly(List.of("1", "31", "F", "writer"));
    }

    @Test
    void withNothingKnownOfItemsOrUsersOnlyInteractionsAreBuilt() {
        RatingsInput input =
                new RatingsInput(new long[] {1}, new long[] {2}, new float[] {3}, new long[] {1}, Map.of(), Map.of());
        assertThat(LocalDatasetBuilder.ratingsDatasets(input)).containsExactly(TrainingDataset.RATINGS_INTERACTIONS);
    }

    @Test
    void movieLensFactsReadGenresReleaseDatesAndUsers() throws IOException {
        // three made-up lines in the ml-100k layout (no MovieLens data)
        Files.writeString(dir.resolve("u.genre"), "unknown|0\nAction|1\nComedy|2\n", StandardCharsets.ISO_8859_1);
        Files.writeString(
                dir.resolve("u.item"),
                "7|Invented Film (1995)|01-Jan-1995||http://x|0|1|1\n8|Nameless (1996)|||http://y|1|0|0\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.user"), "5|40|M|engineer|12345\n", StandardCharsets.ISO_8859_1);
        Map<Long, RatingsInput.Item> items = MovieLensFacts.items(dir);
        assertThat(items.get(7L))
                .isEqualTo(new RatingsInput.Item("Invented Film (1995)", "Action|Comedy", 788_918_400L));
        assertThat(items.get(8L)).isEqualTo(new RatingsInput.Item("Nameless (1996)", "unknown", null));
        assertThat(MovieLensFacts.users(dir))
                .containsExactly(Map.entry(5L, new RatingsInput.User(40, "M", "engineer")));
    }
}
