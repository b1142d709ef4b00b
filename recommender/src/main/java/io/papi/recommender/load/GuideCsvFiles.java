package io.papi.recommender.load;

import io.papi.recommender.BadDataException;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.LoadReport;
import io.papi.recommender.Ratings;
import io.papi.recommender.TimestampFormat;
import io.papi.recommender.Titles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the guide's CSV exports (UTF-8, comma-separated, RFC 4180 quoting, a header line, columns found by name):
 * ratings {@code USER_ID,ITEM_ID,RATING,TIMESTAMP} with ISO local timestamps such as
 * {@code 2024-12-04T15:55:49.000} read as UTC (a file without TIMESTAMP is accepted), titles {@code ITEM_ID,TITLE}
 * whose titles may be quoted and contain commas, and users {@code ID}.
 */
public final class GuideCsvFiles {

    public static final String RATINGS_HEADER = "USER_ID,ITEM_ID,RATING,TIMESTAMP";
    public static final String TITLES_HEADER = "ITEM_ID,TITLE";
    public static final String USERS_HEADER = "ID";

    private GuideCsvFiles() {}

    /** Reads ratings and, when {@code titlesCsv} is not null, titles. */
    public static Dataset read(Path ratingsCsv, Path titlesCsv, LoadOptions options) throws IOException {
        List<LoadReport> reports = new ArrayList<>();
        Ratings.Builder builder = Ratings.builder();
        BadRowCollector ratingRows =
                new BadRowCollector(ratingsCsv.getFileName().toString(), options.strict());
        int[][] at = new int[1][];
        int[] width = new int[1];
        TextTable.read(
                ratingsCsv,
                StandardCharsets.UTF_8,
                FieldSplitter.csv(','),
                (names, line) -> {
                    int[] required = HeaderColumns.locate(
                            names,
                            new String[] {"USER_ID", "ITEM_ID", "RATING"},
                            ratingRows.source(),
                            line,
                            RATINGS_HEADER);
                    int ts = HeaderColumns.indexOf(names, "TIMESTAMP");
                    at[0] = new int[] {required[0], required[1], required[2], ts};
                    width[0] = names.size();
                },
                (f, line) -> {
                    TextTable.requireFieldCount(f, width[0], "comma-separated");
                    int[] c = at[0];
                    long user = Fields.id(f.get(c[0]), "USER_ID");
                    long item = Fields.id(f.get(c[1]), "ITEM_ID");
                    float rating = Fields.rating(f.get(c[2]), "RATING", 1, 5);
                    long ts = c[3] < 0
                            ? Ratings.NO_TIMESTAMP
                            : Fields.timestamp(f.get(c[3]), "TIMESTAMP", TimestampFormat.ISO_LOCAL);
                    builder.add(user, item, rating, ts);
                },
                ratingRows,
                options.progress());
        Ratings ratings = builder.build();
        reports.add(ratingRows.report(builder.duplicatesReplaced()));

        Titles titles = Titles.empty();
        if (titlesCsv != null) {
            BadRowCollector titleRows =
                    new BadRowCollector(titlesCsv.getFileName().toString(), options.strict());
            titles = readTitles(titlesCsv, titleRows, options);
            reports.add(titleRows.report(0));
        }
        return new Dataset(ratings, titles, reports);
    }

    private static Titles readTitles(Path file, BadRowCollector rows, LoadOptions options) throws IOException {
        Map<Long, String> titles = new HashMap<>();
        int[][] at = new int[1][];
        int[] width = new int[1];
        TextTable.read(
                file,
                StandardCharsets.UTF_8,
                FieldSplitter.csv(','),
                (names, line) -> {
                    at[0] = HeaderColumns.locate(
                            names, new String[] {"ITEM_ID", "TITLE"}, rows.source(), line, TITLES_HEADER);
                    width[0] = names.size();
                },
                (f, line) -> {
                    TextTable.requireFieldCount(f, width[0], "comma-separated");
                    long id = Fields.id(f.get(at[0][0]), "ITEM_ID");
                    String title = f.get(at[0][1]).trim();
                    if (title.isEmpty()) {
                        throw new RowProblem("TITLE is empty");
                    }
                    titles.put(id, title);
                },
                rows,
                options.progress());
        return Titles.of(titles);
    }

    /**
     * Reads a users file: the guide's {@code users.csv} (header {@code ID}) or plain text with one id a line. A bad
     * line always fails: a users file is short and every id in it matters.
     *
     * @return distinct user ids, ascending
     */
    public static long[] readUsers(Path file) throws IOException {
        List<Long> ids = new ArrayList<>();
        BadRowCollector rows = new BadRowCollector(file.getFileName().toString(), true);
        boolean[] first = {true};
        int[] column = {0};
        TextTable.read(
                file,
                StandardCharsets.UTF_8,
                FieldSplitter.csv(','),
                null,
                (f, line) -> {
                    if (first[0]) {
                        first[0] = false;
                        int id = HeaderColumns.indexOf(f, USERS_HEADER);
                        if (id >= 0) {
                            column[0] = id;
                            return;
                        }
                        if (f.size() > 1) {
                            throw new RowProblem("expected a header with column ID or one user id a line");
                        }
                    }
                    if (column[0] >= f.size()) {
                        throw new RowProblem("expected " + (column[0] + 1) + " fields, found " + f.size());
                    }
                    ids.add(Fields.id(f.get(column[0]), "user id"));
                },
                rows,
                io.papi.recommender.ProgressListener.NONE);
        if (ids.isEmpty()) {
            throw new BadDataException(file.getFileName() + ": no user ids found");
        }
        return ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }
}
