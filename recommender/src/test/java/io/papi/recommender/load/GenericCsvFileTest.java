package io.papi.recommender.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.recommender.BadDataException;
import io.papi.recommender.CsvMapping;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.Loaders;
import io.papi.recommender.Ratings;
import io.papi.recommender.TimestampFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCsvFileTest {

    @TempDir
    Path dir;

    @Test
    void mapsNamedColumnsWithHalfStarRatingsAndEpochMillis() throws IOException {
        Path f = dir.resolve("ratings.csv");
        Files.writeString(f, "userId,movieId,rating,timestamp\n1,31,2.5,1260759144000\n1,1029,3.0,1260759179000\n");
        CsvMapping mapping = CsvMapping.parse(
                "user=userId,item=movieId,rating=rating,timestamp=timestamp,format=epoch-millis,min=0.5,max=5");

        Dataset d = Loaders.genericCsv(f, mapping, LoadOptions.defaults());

        Ratings r = d.ratings();
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.value(r.start(0))).isEqualTo(2.5f);
        assertThat(r.timestamp(r.start(0))).isEqualTo(1260759144L);
        assertThat(d.titles().nameOf(31)).isEqualTo("31");
    }

    @Test
    void mapsPositionsInAHeaderlessTabFile() throws IOException {
        Path f = dir.resolve("data.tsv");
        Files.writeString(f, "x\t5\t1\t4\n");
        CsvMapping mapping = CsvMapping.parse("user=3,item=2,rating=4,delimiter=tab,header=false");

        Dataset d = Loaders.genericCsv(f, mapping, LoadOptions.defaults());

        SingleRating.assertLoaded(d, 1, 5, 4f);
    }

    @Test
    void reportsBadRowsAgainstTheMappedColumnNames() throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "u;i;r\n1;2;5\n1;2\n1;3;0.2\n");
        CsvMapping mapping = CsvMapping.of("u", "i", "r").withDelimiter(';').withRatingRange(0.5, 5);

        Dataset d = Loaders.genericCsv(f, mapping, LoadOptions.defaults());

        BadRows.assertListed(
                d.reports().get(0),
                "r.csv:3: expected 3 fields, found 2",
                "r.csv:4: rating column r '0.2' is out of range 0.5 to 5");
    }

    @Test
    void aMissingMappedColumnIsAnError() throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "user,item,stars\n1,2,5\n");

        assertThatThrownBy(() -> Loaders.genericCsv(f, CsvMapping.of("user", "item", "rating"), LoadOptions.defaults()))
                .isInstanceOf(BadDataException.class)
                .hasMessage("r.csv:1: header has no column rating (found user,item,stars)");
    }

    @Test
    void mappingSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> CsvMapping.parse("user=a,item=b"))
                .hasMessageContaining("must name user, item and rating columns");
        assertThatThrownBy(() -> CsvMapping.parse("user=a,item=b,rating=c,colour=red"))
                .hasMessageStartingWith("unknown mapping key 'colour'");
        assertThatThrownBy(() -> CsvMapping.parse("user=a,item=b,rating=c,header=false"))
                .hasMessage("the user column 'a' must be a 1-based position when the file has no header");
        assertThatThrownBy(() -> CsvMapping.parse("user=a,item=b,rating=c,format=unix"))
                .hasMessage("unknown timestamp format 'unix': use epoch, epoch-millis or iso");
        assertThat(CsvMapping.parse("user=a,item=b,rating=c,timestamp=t,format=iso")
                        .timestampFormat())
                .isEqualTo(TimestampFormat.ISO_LOCAL);
    }
}
