package io.papi.recommender.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.recommender.BadDataException;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.LoadReport;
import io.papi.recommender.Loaders;
import io.papi.recommender.Ratings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideCsvFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsIsoLocalTimestampsAsUtcAndQuotedTitlesWithCommas() throws IOException {
        Path ratings = file(
                "ratings.csv",
                "USER_ID,ITEM_ID,RATING,TIMESTAMP\n"
                        + "22,377,1,2024-12-04T15:55:49.000\n"
                        + "22,50,5,2024-12-04 15:56:00\n");
        Path titles = file(
                "titles.csv",
                "ITEM_ID,TITLE\n" + "377,\"Usual Suspects, The (1995)\"\n" + "50,\"He Said \"\"Hello\"\" (1990)\"\n");

        Dataset d = Loaders.guideCsv(ratings, titles, LoadOptions.defaults());

        Ratings r = d.ratings();
        int u = r.userIndex(22);
        int p = r.start(u) + 1; // item 377 sorts after item 50
        assertThat(r.itemId(r.item(p))).isEqualTo(377);
        assertThat(r.timestamp(p))
                .isEqualTo(LocalDateTime.of(2024, 12, 4, 15, 55, 49).toEpochSecond(ZoneOffset.UTC));
        assertThat(r.timestamp(r.start(u)))
                .isEqualTo(LocalDateTime.of(2024, 12, 4, 15, 56, 0).toEpochSecond(ZoneOffset.UTC));
        assertThat(d.titles().nameOf(377)).isEqualTo("Usual Suspects, The (1995)");
        assertThat(d.titles().nameOf(50)).isEqualTo("He Said \"Hello\" (1990)");
        assertThat(d.clean()).isTrue();
    }

    @Test
    void findsColumnsByNameInAnyOrderAndCase() throws IOException {
        Path ratings = file("r.csv", "\uFEFFtimestamp,rating,item_id,user_id\n2024-01-01T00:00:00.000,4,7,3\n");

        Dataset d = Loaders.guideCsv(ratings, null, LoadOptions.defaults());

        SingleRating.assertLoaded(d, 3, 7, 4f);
    }

    @Test
    void countsEachClassOfBadRowWithItsLineNumber() throws IOException {
        Path ratings = file(
                "ratings.csv",
                "USER_ID,ITEM_ID,RATING,TIMESTAMP\n"
                        + "1,1,5,2024-12-04T15:55:49.000\n" // 2 good
                        + "1,2,5\n" // 3 wrong column count
                        + "1,abc,5,2024-12-04T15:55:49.000\n" // 4 non-numeric item
                        + "1,3,9,2024-12-04T15:55:49.000\n" // 5 out of range
                        + "1,4,3,2024-13-04T15:55:49.000\n" // 6 bad timestamp (month 13)
                        + "1,5,\"3,2024-12-04T15:55:49.000\n"); // 7 unterminated quote
        Dataset d = Loaders.guideCsv(ratings, null, LoadOptions.defaults());

        BadRows.assertListed(
                d.reports().get(0),
                "ratings.csv:3: expected 4 comma-separated fields, found 3",
                "ratings.csv:4: ITEM_ID 'abc' is not a whole number",
                "ratings.csv:5: RATING '9' is out of range 1 to 5",
                "ratings.csv:6: TIMESTAMP '2024-13-04T15:55:49.000' is not an ISO local date-time such as 2024-12-04T15:55:49.000",
                "ratings.csv:7: quoted field starting at column 5 has no closing quote");
    }

    @Test
    void reportsInvalidUtf8AsABadRow() throws IOException {
        Path ratings = dir.resolve("ratings.csv");
        byte[] head =
                "USER_ID,ITEM_ID,RATING,TIMESTAMP\n1,1,5,2024-12-04T15:55:49.000\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {'1', ',', '2', ',', '5', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(ratings, all);

        LoadReport report = Loaders.guideCsv(ratings, null, LoadOptions.defaults())
                .reports()
                .get(0);

        assertThat(report.details()).isEqualTo("ratings.csv:3: the line is not valid UTF-8 text");
    }

    @Test
    void aHeaderWithoutARequiredColumnIsAnErrorNamingIt() throws IOException {
        Path ratings = file("ratings.csv", "USER_ID,ITEM,RATING,TIMESTAMP\n1,1,5,2024-12-04T15:55:49.000\n");

        assertThatThrownBy(() -> Loaders.guideCsv(ratings, null, LoadOptions.defaults()))
                .isInstanceOf(BadDataException.class)
                .hasMessage("ratings.csv:1: header has no column ITEM_ID (found USER_ID,ITEM,RATING,TIMESTAMP; "
                        + "expected USER_ID,ITEM_ID,RATING,TIMESTAMP)");
    }

    @Test
    void strictModeStopsAtTheFirstBadTitle() throws IOException {
        Path ratings = file("ratings.csv", "USER_ID,ITEM_ID,RATING,TIMESTAMP\n1,1,5,2024-12-04T15:55:49.000\n");
        Path titles = file("titles.csv", "ITEM_ID,TITLE\n1,Fine (1990)\nx,Broken (1990)\n");

        assertThatThrownBy(() -> Loaders.guideCsv(ratings, titles, LoadOptions.strictMode()))
                .isInstanceOf(BadDataException.class)
                .hasMessageStartingWith("titles.csv:3: ITEM_ID 'x' is not a whole number (strict mode stops");
    }

    @Test
    void readsUsersWithTheGuidesHeaderOrOneIdALine() throws IOException {
        assertThat(Loaders.users(file("users.csv", "ID\n3\n1\n3\n2\n"))).containsExactly(1, 2, 3);
        assertThat(Loaders.users(file("ids.txt", "42\n\n7\n"))).containsExactly(7, 42);
        assertThatThrownBy(() -> Loaders.users(file("bad.txt", "ID\n1\nsome-user\n")))
                .isInstanceOf(BadDataException.class)
                .hasMessageStartingWith("bad.txt:3: user id 'some-user' is not a whole number");
    }

    @Test
    void reportsProgressInBytesOfEachFileRead() throws IOException {
        Path ratings = file(
                "ratings.csv",
                "USER_ID,ITEM_ID,RATING,TIMESTAMP\n1,1,5,2024-12-04T15:55:49.000\n2,1,4,2024-12-04T15:55:50.000\n");
        io.papi.recommender.RecordedProgress listener = new io.papi.recommender.RecordedProgress();

        Loaders.guideCsv(ratings, null, LoadOptions.defaults().withProgress(listener));

        assertThat(listener.events).containsExactly("reading ratings.csv " + Files.size(ratings), "done");
        assertThat(listener.advanced()).isEqualTo(Files.size(ratings));
    }

    @Test
    void readsTheGuidesLayoutFromAFolder() throws IOException {
        file("ratings.csv", "USER_ID,ITEM_ID,RATING,TIMESTAMP\n1,1,5,2024-12-04T15:55:49.000\n");
        file("titles.csv", "ITEM_ID,TITLE\n1,One (1990)\n");

        Dataset d = Loaders.guideCsvDirectory(dir, LoadOptions.defaults());

        assertThat(d.titles().nameOf(1)).isEqualTo("One (1990)");
        assertThat(d.reports()).hasSize(2);
    }
}
