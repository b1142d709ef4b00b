package io.papi.recommender.load;

import io.papi.recommender.BadDataException;
import io.papi.recommender.CsvMapping;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.Ratings;
import io.papi.recommender.Titles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads a ratings CSV laid out as a {@link CsvMapping} says. */
public final class GenericCsvFile {

    private GenericCsvFile() {}

    public static Dataset read(Path file, CsvMapping mapping, LoadOptions options) throws IOException {
        Ratings.Builder builder = Ratings.builder();
        String source = file.getFileName().toString();
        BadRowCollector rows = new BadRowCollector(source, options.strict());
        String[] wanted = mapping.timestamp() == null
                ? new String[] {mapping.user(), mapping.item(), mapping.rating()}
                : new String[] {mapping.user(), mapping.item(), mapping.rating(), mapping.timestamp()};
        int[][] at = new int[1][];
        int[] width = new int[1];
        if (!mapping.header()) {
            at[0] = positions(wanted);
            width[0] = HeaderColumns.width(at[0]);
        }
        TextTable.HeaderHandler header = mapping.header()
                ? (names, line) -> {
                    at[0] = locate(names, wanted, source, line);
                    width[0] = names.size();
                }
                : null;
        TextTable.read(
                file,
                mapping.charset(),
                FieldSplitter.csv(mapping.delimiter()),
                header,
                (f, line) -> {
                    if (mapping.header() ? f.size() != width[0] : f.size() < width[0]) {
                        throw new RowProblem("expected " + (mapping.header() ? "" : "at least ") + width[0]
                                + " fields, found " + f.size());
                    }
                    int[] c = at[0];
                    long user = Fields.id(f.get(c[0]), "user column " + mapping.user());
                    long item = Fields.id(f.get(c[1]), "item column " + mapping.item());
                    float rating = Fields.rating(
                            f.get(c[2]), "rating column " + mapping.rating(), mapping.minRating(), mapping.maxRating());
                    long ts = c.length < 4
                            ? Ratings.NO_TIMESTAMP
                            : Fields.timestamp(
                                    f.get(c[3]), "timestamp column " + mapping.timestamp(), mapping.timestampFormat());
                    builder.add(user, item, rating, ts);
                },
                rows,
                options.progress());
        Ratings ratings = builder.build();
        return new Dataset(ratings, Titles.empty(), List.of(rows.report(builder.duplicatesReplaced())));
    }

    private static int[] positions(String[] wanted) {
        int[] at = new int[wanted.length];
        for (int k = 0; k < wanted.length; k++) {
            at[k] = Integer.parseInt(wanted[k]) - 1;
        }
        return at;
    }

    private static int[] locate(List<String> names, String[] wanted, String source, long line) throws BadDataException {
        int[] at = new int[wanted.length];
        for (int k = 0; k < wanted.length; k++) {
            int named = HeaderColumns.indexOf(names, wanted[k]);
            if (named < 0 && !wanted[k].isEmpty() && wanted[k].chars().allMatch(Character::isDigit)) {
                named = Integer.parseInt(wanted[k]) - 1;
                if (named >= names.size()) {
                    named = -1;
                }
            }
            if (named < 0) {
                throw new BadDataException(source + ":" + line + ": header has no column " + wanted[k] + " (found "
                        + String.join(",", names) + ")");
            }
            at[k] = named;
        }
        return at;
    }
}
