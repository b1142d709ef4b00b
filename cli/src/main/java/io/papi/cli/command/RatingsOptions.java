package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.lookup.TableName;
import io.papi.recommender.BadDataException;
import io.papi.recommender.CsvMapping;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.LoadReport;
import io.papi.recommender.Loaders;
import io.papi.recommender.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Where ratings come from: MovieLens 100K files ({@code u.data} + {@code u.item}), the guide's CSVs, any CSV with
 * a column mapping, or the guide's tables in Snowflake. Shared by {@code recommend} and {@code recommend evaluate}.
 */
public final class RatingsOptions {
    @Option(
            names = "--ratings",
            paramLabel = "FILE|DIR",
            description =
                    "Ratings: an ml-100k folder or its u.data, the guide's ratings CSV (USER_ID,ITEM_ID,RATING,TIMESTAMP) "
                            + "or a folder holding ratings.csv, or any CSV with --mapping")
    Path ratings;

    @Option(names = "--titles", paramLabel = "FILE", description = "Titles CSV (ITEM_ID,TITLE) for the guide's format")
    Path titles;

    @Option(
            names = "--format",
            paramLabel = "auto|movielens|guide|csv",
            defaultValue = "auto",
            description =
                    "Ratings format (default: ${DEFAULT-VALUE}: u.data means movielens, else guide; --mapping means csv)")
    String format;

    @Option(
            names = "--mapping",
            paramLabel = "SPEC",
            description =
                    "Columns of a generic CSV, e.g. user=userId,item=movieId,rating=rating[,timestamp=ts,delimiter=;,header=true]")
    String mapping;

    @Option(names = "--strict", description = "Stop at the first bad row instead of skipping and counting bad rows")
    boolean strict;

    @Option(
            names = "--from-snowflake",
            description = "Read the guide's tables over JDBC instead of files (your connection: -c)")
    boolean fromSnowflake;

    @Option(
            names = "--ratings-table",
            paramLabel = "TABLE",
            defaultValue = "USER_RATINGS",
            description = "With --from-snowflake or --in-warehouse: the ratings table (default: ${DEFAULT-VALUE})")
    String ratingsTable;

    @Option(
            names = "--titles-table",
            paramLabel = "TABLE",
            defaultValue = "TITLE",
            description = "With --from-snowflake or --in-warehouse: the titles table (default: ${DEFAULT-VALUE})")
    String titlesTable;

    /** Loads the data set, reports bad rows on {@code err}, and turns every failure into a one-line error. */
    public Dataset load(ProgressListener progress, PrintWriter err, Supplier<Connection> snowflake) {
        LoadOptions options = LoadOptions.defaults().withStrict(strict).withProgress(progress);
        Dataset dataset;
        try {
            if (fromSnowflake) {
                try (Connection connection = snowflake.get()) {
                    dataset = Loaders.fromJdbc(
                            connection, TableName.of(ratingsTable), TableName.of(titlesTable), options);
                }
            } else {
                dataset = fromFiles(options);
            }
        } catch (BadDataException e) {
            throw PapiException.usage(
                    e.getMessage() + (strict ? "" : " (fix the file, or leave out --strict to skip bad rows)"));
        } catch (NoSuchFileException e) {
            throw PapiException.usage("no such file: " + e.getFile());
        } catch (IOException e) {
            throw PapiException.failure("cannot read the ratings: " + e.getMessage());
        } catch (SQLException e) {
            throw PapiException.failure("cannot read the ratings from Snowflake: " + SnowflakeJdbc.explain(e));
        }
        for (LoadReport report : dataset.reports()) {
            if (!report.clean()) {
                err.println("papi: " + report.summary());
            }
        }
        if (dataset.ratings().size() == 0) {
            throw PapiException.usage("no ratings were read: check --ratings and --format");
        }
        return dataset;
    }

    private Dataset fromFiles(LoadOptions options) throws IOException {
        if (ratings == null) {
            throw PapiException.usage(
                    "--ratings is required (or --from-snowflake); make test data with: papi data generate --out data");
        }
        if (!Files.exists(ratings)) {
            throw PapiException.usage("--ratings " + ratings + " does not exist");
        }
        String kind = format.toLowerCase(Locale.ROOT);
        if (kind.equals("auto")) {
            kind = mapping != null ? "csv" : looksLikeMovieLens() ? "movielens" : "guide";
        }
        return loadFiles(ratings, titles, kind, mapping, "--format", format, options);
    }

    /**
     * Reads ratings files in a resolved format ({@code movielens}, {@code guide} or {@code csv}); {@code formatFlag}
     * and {@code given} name the option in messages. Shared by {@code papi recommend} and {@code papi datasets ratings}.
     */
    public static Dataset loadFiles(
            Path ratings,
            Path titles,
            String kind,
            String mapping,
            String formatFlag,
            String given,
            LoadOptions options)
            throws IOException {
        return switch (kind) {
            case "movielens" ->
                Loaders.movieLens(
                        Files.isDirectory(ratings)
                                ? ratings
                                : ratings.toAbsolutePath().getParent(),
                        options);
            case "guide" ->
                Files.isDirectory(ratings) && titles == null
                        ? Loaders.guideCsvDirectory(ratings, options)
                        : Loaders.guideCsv(
                                Files.isDirectory(ratings) ? ratings.resolve(Loaders.RATINGS_CSV) : ratings,
                                titles,
                                options);
            case "csv" -> {
                if (mapping == null) {
                    throw PapiException.usage(
                            formatFlag + " csv needs --mapping, e.g. --mapping user=userId,item=movieId,rating=rating");
                }
                yield Loaders.genericCsv(ratings, CsvMapping.parse(mapping), options);
            }
            default ->
                throw PapiException.usage(formatFlag + " must be auto, movielens, guide or csv, not '" + given + "'");
        };
    }

    private boolean looksLikeMovieLens() {
        return ratings.getFileName().toString().equals("u.data") || Files.isRegularFile(ratings.resolve("u.data"));
    }

    static Supplier<Connection> snowflakeConnection(Settings settings, PassphraseOptions passphrase) {
        return () -> SnowflakeJdbc.target(settings, null, null, null, passphrase.source(settings))
                .connect();
    }
}
