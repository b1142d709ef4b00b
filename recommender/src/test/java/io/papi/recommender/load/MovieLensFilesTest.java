package io.papi.recommender.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.recommender.BadDataException;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.LoadReport;
import io.papi.recommender.Loaders;
import io.papi.recommender.Ratings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invented rows in MovieLens 100K's layout (the real files may not be redistributed). */
class MovieLensFilesTest {

    @TempDir
    Path dir;

    private static String item(int id, String title) {
        List<String> f =
                new ArrayList<>(List.of(Integer.toString(id), title, "01-Jan-1995", "", "http://example.invalid/"));
        for (int g = 0; g < 19; g++) {
            f.add(g == 3 ? "1" : "0");
        }
        return String.join("|", f);
    }

    private void write(String data, byte[] items) throws IOException {
        Files.writeString(dir.resolve("u.data"), data, StandardCharsets.US_ASCII);
        Files.write(dir.resolve("u.item"), items);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsTabSeparatedRatingsAndLatin1Titles() throws IOException {
        write(
                "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n",
                latin1(item(242, "Kolya (1996)") + "\n" + item(302, "Misérables, Les (1995)") + "\n"
                        + item(377, "Heavyweights (1994)") + "\n"));

        Dataset d = Loaders.movieLens(dir, LoadOptions.defaults());

        Ratings r = d.ratings();
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.userIds()).containsExactly(22, 186, 196);
        int u = r.userIndex(196);
        assertThat(r.itemId(r.item(r.start(u)))).isEqualTo(242);
        assertThat(r.value(r.start(u))).isEqualTo(3f);
        assertThat(r.timestamp(r.start(u))).isEqualTo(881250949L);
        assertThat(d.titles().nameOf(302)).isEqualTo("Misérables, Les (1995)");
        assertThat(d.clean()).isTrue();
        assertThat(d.reports())
                .extracting(LoadReport::summary)
                .containsExactly("u.data: 3 rows, 3 accepted", "u.item: 3 rows, 3 accepted");
    }

    @Test
    void countsEachClassOfBadRatingRowWithItsLineNumber() throws IOException {
        write(
                "1\t10\t4\t881250949\n" // 1 good
                        + "1\t11\t4\n" // 2 wrong column count
                        + "x\t12\t4\t881250949\n" // 3 non-numeric user
                        + "1\t13\t6\t881250949\n" // 4 rating out of range
                        + "1\t14\t4\tyesterday\n" // 5 bad timestamp
                        + "\n" // 6 blank: skipped, not a row
                        + "2\t10\t2.5x\t881250949\r\n" // 7 non-numeric rating, CRLF ending
                        + "2\t11\t5\t881250950\n", // 8 good
                latin1(item(10, "A (1990)") + "\n"));

        Dataset d = Loaders.movieLens(dir, LoadOptions.defaults());

        LoadReport report = d.reports().get(0);
        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.accepted()).isEqualTo(2);
        BadRows.assertListed(
                report,
                "u.data:2: expected 4 tab-separated fields, found 3",
                "u.data:3: user id 'x' is not a whole number",
                "u.data:4: rating '6' is out of range 1 to 5",
                "u.data:5: timestamp 'yesterday' is not epoch seconds",
                "u.data:7: rating '2.5x' is not a number");
        assertThat(d.ratings().size()).isEqualTo(2);
    }

    @Test
    void rejectsTitleLinesWithBytesOutsideIso88591AndWrongFieldCounts() throws IOException {
        byte[] good = latin1(item(1, "Café Society (1995)") + "\n");
        byte[] cp1252Quotes = latin1(item(2, "xQuotedx (1995)").replace("xQuotedx", "\u0093Quoted\u0094") + "\n");
        byte[] short_ = latin1("3|Too Short (1990)|01-Jan-1990\n");
        byte[] empty = latin1(item(4, " ") + "\n");
        write("1\t1\t5\t881250949\n", concat(good, cp1252Quotes, short_, empty));

        Dataset d = Loaders.movieLens(dir, LoadOptions.defaults());

        BadRows.assertListed(
                d.reports().get(1),
                "u.item:2: byte 0x93 at column 3 is not a printable ISO-8859-1 character (was the file re-encoded?)",
                "u.item:3: expected 24 pipe-separated fields, found 3",
                "u.item:4: movie title is empty");
        assertThat(d.titles().nameOf(1)).isEqualTo("Café Society (1995)");
        assertThat(d.titles().title(2)).isEmpty();
    }

    @Test
    void strictModeStopsAtTheFirstBadRowNamingFileLineAndProblem() throws IOException {
        write("1\t10\t4\t881250949\n1\t13\t0\t881250949\n1\t14\t4\tyesterday\n", latin1(item(10, "A (1990)") + "\n"));

        assertThatThrownBy(() -> Loaders.movieLens(dir, LoadOptions.strictMode()))
                .isInstanceOf(BadDataException.class)
                .hasMessageStartingWith("u.data:2: rating '0' is out of range 1 to 5")
                .satisfies(e -> assertThat(((BadDataException) e).row().line()).isEqualTo(2));
    }

    @Test
    void aLaterRatingOfTheSameItemReplacesTheEarlierOne() throws IOException {
        write("1\t10\t2\t100\n1\t10\t5\t200\n", latin1(item(10, "A (1990)") + "\n"));

        Dataset d = Loaders.movieLens(dir, LoadOptions.defaults());

        assertThat(d.ratings().size()).isEqualTo(1);
        assertThat(d.ratings().value(0)).isEqualTo(5f);
        assertThat(d.reports().get(0).duplicatesReplaced()).isEqualTo(1);
        assertThat(d.reports().get(0).summary()).endsWith("1 duplicate ratings replaced by later rows");
    }

    @Test
    void saysWhichFileIsMissingFromTheFolder() throws IOException {
        Files.writeString(dir.resolve("u.data"), "1\t1\t1\t1\n");

        assertThatThrownBy(() -> Loaders.movieLens(dir, LoadOptions.defaults()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("no u.item in " + dir
                        + ": point at the unzipped ml-100k folder, which holds u.data and u.item");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
