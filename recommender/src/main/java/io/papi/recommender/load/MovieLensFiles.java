package io.papi.recommender.load;

import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.LoadReport;
import io.papi.recommender.Ratings;
import io.papi.recommender.TimestampFormat;
import io.papi.recommender.Titles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the MovieLens 100K files as GroupLens ships them.
 *
 * <p>{@code u.data}: tab-separated {@code user id, item id, rating, timestamp} with ratings 1 to 5 and timestamps in
 * epoch seconds. {@code u.item}: pipe-separated, ISO-8859-1, 24 fields ({@code movie id | movie title | release date
 * | video release date | IMDb URL} then 19 genre flags); only id and title are used.
 */
public final class MovieLensFiles {

    static final int ITEM_FIELDS = 24;

    private MovieLensFiles() {}

    public static Dataset read(Path dir, LoadOptions options) throws IOException {
        Path data = dir.resolve("u.data");
        Path item = dir.resolve("u.item");
        if (!Files.isRegularFile(data) || !Files.isRegularFile(item)) {
            throw new FileNotFoundException("no " + (Files.isRegularFile(data) ? "u.item" : "u.data") + " in " + dir
                    + ": point at the unzipped ml-100k folder, which holds u.data and u.item");
        }
        Ratings.Builder builder = Ratings.builder();
        BadRowCollector ratingRows = new BadRowCollector("u.data", options.strict());
        TextTable.read(
                data,
                StandardCharsets.US_ASCII,
                FieldSplitter.plain('\t'),
                null,
                (f, line) -> {
                    TextTable.requireFieldCount(f, 4, "tab-separated");
                    long user = Fields.id(f.get(0), "user id");
                    long itemId = Fields.id(f.get(1), "item id");
                    float rating = Fields.rating(f.get(2), "rating", 1, 5);
                    long ts = Fields.timestamp(f.get(3), "timestamp", TimestampFormat.EPOCH_SECONDS);
                    builder.add(user, itemId, rating, ts);
                },
                ratingRows,
                options.progress());
        Ratings ratings = builder.build();

        Map<Long, String> titles = new HashMap<>();
        BadRowCollector itemRows = new BadRowCollector("u.item", options.strict());
        TextTable.read(
                item,
                StandardCharsets.ISO_8859_1,
                FieldSplitter.plain('|'),
                null,
                (f, line) -> {
                    TextTable.requireFieldCount(f, ITEM_FIELDS, "pipe-separated");
                    long id = Fields.id(f.get(0), "movie id");
                    String title = f.get(1).trim();
                    if (title.isEmpty()) {
                        throw new RowProblem("movie title is empty");
                    }
                    titles.put(id, title);
                },
                itemRows,
                options.progress());
        List<LoadReport> reports = List.of(ratingRows.report(builder.duplicatesReplaced()), itemRows.report(0));
        return new Dataset(ratings, Titles.of(titles), reports);
    }
}
