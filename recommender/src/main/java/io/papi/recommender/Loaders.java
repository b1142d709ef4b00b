package io.papi.recommender;

import io.papi.lookup.TableName;
import io.papi.recommender.load.GenericCsvFile;
import io.papi.recommender.load.GuideCsvFiles;
import io.papi.recommender.load.JdbcTables;
import io.papi.recommender.load.MovieLensFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads ratings and titles from the sources papi knows. Every loader reports each source's rows, bad rows (with
 * line numbers) and replaced duplicates in {@link Dataset#reports()}; with {@link LoadOptions#strict()} the first bad
 * row throws a {@link BadDataException} instead. When a user rates an item twice the later row wins.
 */
public final class Loaders {

    /** Ratings file name in the guide's CSV layout, as {@link SyntheticData#writeGuideCsv} writes it. */
    public static final String RATINGS_CSV = "ratings.csv";
    /** Titles file name in the guide's CSV layout. */
    public static final String TITLES_CSV = "titles.csv";
    /** Users file name in the guide's CSV layout. */
    public static final String USERS_CSV = "users.csv";

    private Loaders() {}

    /**
     * MovieLens 100K from the unzipped {@code ml-100k} folder: {@code u.data} (tab-separated user, item, rating 1-5,
     * epoch seconds) and {@code u.item} (pipe-separated, ISO-8859-1, id and title first of 24 fields).
     */
    public static Dataset movieLens(Path dir, LoadOptions options) throws IOException {
        return MovieLensFiles.read(dir, options);
    }

    /**
     * The guide's CSVs: ratings {@code USER_ID,ITEM_ID,RATING,TIMESTAMP} (ISO local timestamps such as
     * {@code 2024-12-04T15:55:49.000}, read as UTC) and titles {@code ITEM_ID,TITLE} (may be null).
     */
    public static Dataset guideCsv(Path ratingsCsv, Path titlesCsv, LoadOptions options) throws IOException {
        return GuideCsvFiles.read(ratingsCsv, titlesCsv, options);
    }

    /**
     * The guide's CSVs from one folder: {@value #RATINGS_CSV} and, when present, {@value #TITLES_CSV}.
     */
    public static Dataset guideCsvDirectory(Path dir, LoadOptions options) throws IOException {
        Path titles = dir.resolve(TITLES_CSV);
        return guideCsv(dir.resolve(RATINGS_CSV), Files.isRegularFile(titles) ? titles : null, options);
    }

    /** Any ratings CSV, laid out as the mapping says. There are no titles (names fall back to item ids). */
    public static Dataset genericCsv(Path file, CsvMapping mapping, LoadOptions options) throws IOException {
        return GenericCsvFile.read(file, mapping, options);
    }

    /**
     * The guide's tables over JDBC: {@code <ratings>(USER_ID, ITEM_ID, RATING, TIMESTAMP)} and, when {@code titles}
     * is not null, {@code <titles>(ITEM_ID, TITLE)} — {@code USER_RATINGS} and {@code TITLE} in the guide. The
     * connection is used, not closed.
     */
    public static Dataset fromJdbc(Connection connection, TableName ratings, TableName titles, LoadOptions options)
            throws SQLException, BadDataException {
        return JdbcTables.read(connection, ratings, titles, options);
    }

    /**
     * User ids from a users file: the guide's {@code users.csv} (header {@code ID}) or one id a line.
     *
     * @return distinct ids, ascending
     * @throws BadDataException at the first line that is not a user id
     */
    public static long[] users(Path file) throws IOException {
        return GuideCsvFiles.readUsers(file);
    }
}
