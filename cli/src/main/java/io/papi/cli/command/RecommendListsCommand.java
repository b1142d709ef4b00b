package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.cli.stack.LocalStore;
import io.papi.datasets.MovieLensFacts;
import io.papi.lists.DatasetsFolder;
import io.papi.lists.ItemList;
import io.papi.lists.ListOptions;
import io.papi.lists.ListsException;
import io.papi.lists.ListsJson;
import io.papi.lists.ListsPublisher;
import io.papi.lists.ListsTableStatements;
import io.papi.lists.ListsWarehouseSql;
import io.papi.lists.RatingsWatches;
import io.papi.lists.RecipeLists;
import io.papi.recommender.Dataset;
import io.papi.recommender.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi recommend lists}: Amazon Personalize's recipes as papi lists, from the output of papi datasets. */
@Command(
        name = "lists",
        mixinStandardHelpOptions = true,
        description = {
            "Compute the popular, trending and item-to-item lists the API serves.",
            "From the folder papi datasets wrote: most-viewed, best-sellers, most-popular, trending (global),",
            "bought-together, also-viewed, similar (per seed item). Written as JSON Lines",
            "{\"list\":\"bought-together\",\"key\":\"<item>\",\"items\":[{\"item_id\":..,\"score\":..}]}",
            "and/or published to the lists table (--publish), replacing the previous lists in one transaction.",
            "Or from ratings (--ratings, read as papi recommend reads them): each rating is a VIDEO_ON_DEMAND Watch,",
            "giving most-popular, trending and similar (genres from MovieLens' u.item).",
            "Also for-you, per user: papi's default recommender on View+Purchase or Watch, bought items left out.",
            "Algorithms and what differs from Personalize: docs/recipes.md."
        })
final class RecommendListsCommand extends PapiSubcommand {
    @Option(
            names = "--datasets",
            paramLabel = "DIR",
            description =
                    "The --out folder of papi datasets (its interactions CSVs; GENRES of an items dataset if any)")
    Path datasets;

    @Option(
            names = "--in-warehouse",
            description =
                    "Compute the lists inside Snowflake instead, from --interactions-table over your connection (-c), and "
                            + "publish them to --lists-table there in one transaction: for interactions that outgrow one machine")
    boolean inWarehouse;

    /** --ratings and its flags, exactly as papi recommend reads them; --from-snowflake uses -c. */
    @Mixin
    RatingsOptions ratings = new RatingsOptions();

    @Option(
            names = "--interactions-table",
            paramLabel = "TABLE",
            defaultValue = "SNOWPLOW_RECOMMENDATIONS_ECOMMERCE_INTERACTIONS",
            description =
                    "With --in-warehouse or --print-sql: the interactions table papi datasets built (default: ${DEFAULT-VALUE})")
    String interactionsTable;

    @Option(
            names = "--print-sql",
            description = "Print the statements --in-warehouse would run, knobs and tables filled in, and exit")
    boolean printSql;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "JSON Lines output, - for stdout (default lists.jsonl; with --publish, none unless given)")
    String out;

    @Option(
            names = "--publish",
            description = "Publish to the lists table of --store (h2: the local account; snowflake: your connection)")
    boolean publish;

    @Option(
            names = "--store",
            paramLabel = "h2|snowflake",
            description = "Where --publish writes (env PAPI_STORE; default h2)")
    String store;

    @Option(
            names = "--lists-table",
            paramLabel = "TABLE",
            defaultValue = ListsTableStatements.DEFAULT_NAME,
            description = "The lists table (default: ${DEFAULT-VALUE})")
    String listsTable;

    @Option(
            names = "--size",
            paramLabel = "N",
            defaultValue = "100",
            description = "Items per list, 1-500 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(
            names = "--window",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Popular lists count only the last DURATION before the latest event (e.g. 7d; default: all)")
    Duration window;

    @Option(
            names = "--half-life",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Popular lists weigh each user by 2^(-age/half-life) (e.g. 3d; default: no decay)")
    Duration halfLife;

    @Option(
            names = "--trend-interval",
            paramLabel = "30m|1h|3h|1d",
            defaultValue = "1d",
            description = "Trending compares the latest interval with the one before (default: ${DEFAULT-VALUE})")
    String trendInterval;

    @Option(
            names = "--trend-min",
            paramLabel = "N",
            defaultValue = "5",
            description = "Trending needs at least N interactions in the latest interval (default: ${DEFAULT-VALUE})")
    int trendMin;

    @Option(
            names = "--min-support",
            paramLabel = "N",
            defaultValue = "2",
            description = "Bought-together needs a pair in N transactions (default: ${DEFAULT-VALUE})")
    int minSupport;

    @Option(
            names = "--measure",
            paramLabel = "lift|cosine",
            defaultValue = "lift",
            description = "How bought-together scores a pair (default: ${DEFAULT-VALUE})")
    String measure;

    @Option(
            names = "--jaccard",
            paramLabel = "X",
            defaultValue = "0.01",
            description = "Also-viewed keeps pairs whose session Jaccard is at least X (default: ${DEFAULT-VALUE})")
    double jaccard;

    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Option(
            names = {"-c", "--connection"},
            paramLabel = "NAME",
            description = "Snowflake connection for --store snowflake (env SNOWFLAKE_DEFAULT_CONNECTION_NAME)")
    String connection;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Override
    protected int run() throws Exception {
        ListOptions options = options();
        Settings settings = new Settings(environment(), connection, this::warn);
        ListsTableStatements table;
        try {
            table = ListsTableStatements.named(listsTable);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage("--lists-table: " + e.getMessage());
        }
        String kind = publish
                ? settings.require(io.papi.cli.config.Setting.STORE, store).toLowerCase(Locale.ROOT)
                : null;
        if (kind != null && !kind.equals("h2") && !kind.equals("snowflake")) {
            throw PapiException.usage("--store must be h2 or snowflake, not '" + kind + "'");
        }
        if (inWarehouse || printSql) {
            return inWarehouse(settings, options, table);
        }
        boolean fromRatings = ratings.ratings != null || ratings.fromSnowflake;
        if (datasets == null && !fromRatings) {
            throw PapiException.usage(
                    "--datasets DIR (the --out folder of papi datasets) or --ratings FILE|DIR is required, "
                            + "or --in-warehouse -c CONN");
        }
        if (datasets != null && fromRatings) {
            throw PapiException.usage("give --datasets or --ratings, not both");
        }
        boolean toStdout = "-".equals(out);
        Path outFile = out == null ? (publish ? null : Path.of("lists.jsonl")) : toStdout ? null : Path.of(out);
        PrintWriter report = toStdout ? err() : out();

        long t0 = System.nanoTime();
        List<ItemList> lists;
        int events;
        try {
            List<io.papi.lists.Interaction> interactions;
            java.util.Map<String, java.util.Set<String>> genres;
            if (fromRatings) {
                Dataset loaded = ratings.load(
                        ProgressListener.NONE, err(), RatingsOptions.snowflakeConnection(settings, passphrase));
                interactions = RatingsWatches.interactions(loaded.ratings());
                genres = RatingsWatches.genres(movieLensGenres());
            } else {
                DatasetsFolder folder = DatasetsFolder.read(datasets);
                interactions = folder.interactions();
                genres = folder.genres();
            }
            events = interactions.size();
            lists = new java.util.ArrayList<>(RecipeLists.compute(interactions, genres, options));
            // recommended for you / top picks: the default recommender, bought items left out (PerUserLists)
            lists.addAll(io.papi.lists.PerUserLists.itemLists(interactions, options.size()));
        } catch (ListsException e) {
            throw e.badInput() ? PapiException.usage(e.getMessage()) : PapiException.failure(e.getMessage());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (toStdout) {
            write(lists, out());
        } else if (outFile != null) {
            writeAtomically(lists, outFile);
        }
        report.println(String.format(
                Locale.ROOT,
                "lists: %d rows (%s) from %,d interactions in %.2f s%s",
                lists.size(),
                countByList(lists),
                events,
                seconds,
                outFile != null ? " -> " + outFile : ""));
        if (publish) {
            int rows = publish(settings, kind, table, lists);
            report.println("Published " + rows + " lists to " + table.shown()
                    + (kind.equals("h2")
                            ? " in the local account " + localDir.resolve(environment())
                            : " in Snowflake"));
        }
        return 0;
    }

    /** Genres by item from u.item beside MovieLens' u.data; none for the other formats, which carry no genres. */
    private java.util.Map<Long, String> movieLensGenres() throws IOException {
        java.util.Map<Long, String> genres = new java.util.HashMap<>();
        if (ratings.fromSnowflake || ratings.mapping != null) {
            return genres;
        }
        Path dir = Files.isDirectory(ratings.ratings)
                ? ratings.ratings
                : ratings.ratings.toAbsolutePath().getParent();
        if (Files.isRegularFile(dir.resolve("u.data"))) {
            MovieLensFacts.items(dir).forEach((item, facts) -> genres.put(item, facts.genres()));
        }
        return genres;
    }

    private int inWarehouse(Settings settings, ListOptions options, ListsTableStatements table) throws Exception {
        if (datasets != null
                || ratings.ratings != null
                || ratings.fromSnowflake
                || out != null
                || publish
                || store != null) {
            throw PapiException.usage(
                    "--in-warehouse reads --interactions-table and publishes in Snowflake: leave out --datasets, --ratings, "
                            + "--out, --publish and --store");
        }
        ListsWarehouseSql sql;
        try {
            sql = ListsWarehouseSql.of(options, interactionsTable, table);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage("--interactions-table: " + e.getMessage());
        }
        if (printSql) {
            out().print(sql.text());
            return 0;
        }
        long t0 = System.nanoTime();
        try (Connection c = SnowflakeJdbc.target(settings, null, null, null, passphrase.source(settings))
                .connect()) {
            sql.run(c);
        } catch (SQLException e) {
            throw PapiException.failure(
                    "the warehouse run failed; the previous lists stay: " + SnowflakeJdbc.explain(e));
        }
        out().println(String.format(
                Locale.ROOT,
                "Published the lists of %s to %s in Snowflake in %.1f s (%d statements)",
                interactionsTable.toUpperCase(Locale.ROOT),
                table.shown(),
                (System.nanoTime() - t0) / 1e9,
                sql.portable().size() + sql.publish().size()));
        return 0;
    }

    private ListOptions options() {
        if (size < 1 || size > 500) {
            throw PapiException.usage("--size must be between 1 and 500, not " + size);
        }
        try {
            ListOptions.Measure m = switch (measure.toLowerCase(Locale.ROOT)) {
                case "lift" -> ListOptions.Measure.LIFT;
                case "cosine" -> ListOptions.Measure.COSINE;
                default -> throw new IllegalArgumentException("--measure is lift or cosine, not " + measure);
            };
            return ListOptions.defaults()
                    .withSize(size)
                    .withPopularity(window, halfLife)
                    .withTrending(ListOptions.trendInterval(trendInterval), trendMin)
                    .withBoughtTogether(minSupport, m)
                    .withAlsoViewed(jaccard);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    private int publish(Settings settings, String kind, ListsTableStatements table, List<ItemList> lists)
            throws Exception {
        try {
            if (kind.equals("h2")) {
                // LocalStore.jdbcUrl creates the directory 0700
                try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(localDir.resolve(environment())))) {
                    return new ListsPublisher(c, table, ListsPublisher.Dialect.H2).publish(lists);
                }
            }
            try (Connection c = SnowflakeJdbc.target(settings, null, null, null, passphrase.source(settings))
                    .connect()) {
                return new ListsPublisher(c, table, ListsPublisher.Dialect.SNOWFLAKE).publish(lists);
            }
        } catch (SQLException e) {
            throw PapiException.failure(
                    "publishing failed and was rolled back (the previous lists stay): " + SnowflakeJdbc.explain(e));
        }
    }

    private static String countByList(List<ItemList> lists) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (ItemList list : lists) {
            counts.merge(list.name().id(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((name, n) -> text.append(text.length() == 0 ? "" : ", ")
                .append(name)
                .append(' ')
                .append(n));
        return text.toString();
    }

    private static void write(List<ItemList> lists, Writer to) throws IOException {
        for (ItemList list : lists) {
            to.write(ListsJson.line(list));
            to.write('\n');
        }
        to.flush();
    }

    private static void writeAtomically(List<ItemList> lists, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(lists, w);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
