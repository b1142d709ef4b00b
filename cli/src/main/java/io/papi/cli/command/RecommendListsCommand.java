package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.command.datasets.EcommerceInputOptions;
import io.papi.cli.command.datasets.EventInput;
import io.papi.cli.command.datasets.MediaInputOptions;
import io.papi.cli.command.datasets.TemporaryDatasets;
import io.papi.cli.command.datasets.WindowOptions;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.cli.stack.LocalStore;
import io.papi.datasets.BuildOptions;
import io.papi.datasets.DatasetException;
import io.papi.datasets.MovieLensFacts;
import io.papi.datasets.SnowflakeDatasetBuilder;
import io.papi.datasets.TrainingDataset;
import io.papi.files.SecureFiles;
import io.papi.lists.DatasetsFolder;
import io.papi.lists.Interaction;
import io.papi.lists.ItemList;
import io.papi.lists.ListOptions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

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
            "Or from the Snowplow events papi datasets reads (--events FILE, --plays FILE),",
            "built with papi datasets' window and input flags in a temporary folder ($TMPDIR).",
            "Or from ratings (--ratings, read as papi recommend reads them): each rating is a VIDEO_ON_DEMAND Watch,",
            "giving most-popular, trending and similar (genres from MovieLens' u.item).",
            "Also for-you, per user: papi's default recommender on View+Purchase or Watch, bought items left out.",
            "--in-warehouse computes in Snowflake from --interactions-table, or from the raw",
            "--events-table or --plays-table, built there first as papi datasets --table does.",
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

    /** --events and the e-commerce flags, exactly as papi datasets ecommerce takes them. */
    @Mixin
    EcommerceInputOptions ecommerce = new EcommerceInputOptions();

    /** --plays and --valid-play-seconds, exactly as papi datasets media takes them. */
    @Mixin
    MediaInputOptions media = new MediaInputOptions();

    /** The date window of papi datasets, for --events, --plays, --events-table and --plays-table. */
    @Mixin
    WindowOptions dateWindow = new WindowOptions();

    @Option(
            names = "--interactions-table",
            paramLabel = "TABLE",
            defaultValue = "SNOWPLOW_RECOMMENDATIONS_ECOMMERCE_INTERACTIONS",
            description =
                    "With --in-warehouse or --print-sql: the interactions table papi datasets built (default: ${DEFAULT-VALUE})")
    String interactionsTable;

    @Option(
            names = "--events-table",
            paramLabel = "DB.SCHEMA.TABLE",
            description =
                    "With --in-warehouse or --print-sql: a table shaped like snowplow_ecommerce_product_interactions; "
                            + "its interactions are built there first, as papi datasets ecommerce --table builds them")
    String eventsTable;

    @Option(
            names = "--plays-table",
            paramLabel = "DB.SCHEMA.TABLE",
            description =
                    "With --in-warehouse or --print-sql: a table shaped like snowplow_media_player_base; its interactions "
                            + "are built there first, as papi datasets media --table builds them")
    String playsTable;

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

    /** Where --publish writes, and how it is reached (-c, --local-dir, --passphrase-file). */
    @Mixin
    StoreAccessOptions where = new StoreAccessOptions();

    @Option(
            names = "--lists-table",
            paramLabel = "TABLE",
            defaultValue = ListsTableStatements.DEFAULT_NAME,
            description = "The lists table (default: ${DEFAULT-VALUE})")
    String listsTable;

    /** --size, --window, --half-life, the trending and co-occurrence knobs. */
    @Mixin
    ListTuningOptions tuning = new ListTuningOptions();

    @Override
    protected int run() throws Exception {
        ListOptions options = tuning.options();
        Settings settings = where.settings(this);
        ListsTableStatements table;
        try {
            table = ListsTableStatements.named(listsTable);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage("--lists-table: " + e.getMessage());
        }
        StoreOption.Kind kind = publish ? where.kind(settings) : null;
        EventInput events = checkInputs();
        if (inWarehouse || printSql) {
            return inWarehouse(settings, options, table, events);
        }
        boolean fromRatings = ratings.ratings != null || ratings.fromSnowflake;
        boolean toStdout = "-".equals(out);
        Path outFile = out == null ? (publish ? null : Path.of("lists.jsonl")) : toStdout ? null : Path.of(out);
        PrintWriter report = toStdout ? err() : out();

        long t0 = System.nanoTime();
        List<ItemList> lists;
        int interactionCount;
        try {
            List<Interaction> interactions;
            Map<String, Set<String>> genres;
            if (fromRatings) {
                Dataset loaded = ratings.load(
                        ProgressListener.NONE, err(), RatingsOptions.snowflakeConnection(settings, where.passphrase));
                interactions = RatingsWatches.interactions(loaded.ratings());
                genres = RatingsWatches.genres(movieLensGenres());
            } else {
                DatasetsFolder folder = datasets != null
                        ? DatasetsFolder.read(datasets)
                        : TemporaryDatasets.read(events, buildOptions(events), temporaryParent());
                interactions = folder.interactions();
                genres = folder.genres();
            }
            interactionCount = interactions.size();
            // with for-you / top picks: the default recommender, bought items left out (PerUserLists)
            lists = RecipeLists.computeWithPerUser(interactions, genres, options);
        } catch (DatasetException e) {
            throw PapiException.of(e.getMessage(), e.badInput());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (toStdout) {
            write(lists, out());
        } else if (outFile != null) {
            // as papi recommend writes recs.jsonl: a temporary file forced to disk, renamed over the target
            SecureFiles.writeTextAtomically(outFile, w -> write(lists, w));
        }
        report.println(String.format(
                Locale.ROOT,
                "lists: %d rows (%s) from %,d interactions%s in %.2f s%s",
                lists.size(),
                countByList(lists),
                interactionCount,
                events == null
                        ? ""
                        : " (" + events.fileFlag() + " " + events.file() + ", window " + dateWindow.window() + ")",
                seconds,
                outFile != null ? " -> " + outFile : ""));
        if (publish) {
            int rows = publish(settings, kind, table, lists);
            report.println("Published " + rows + " lists to " + table.shown()
                    + (kind == StoreOption.Kind.H2
                            ? " in the local account " + where.localDir.resolve(environment())
                            : " in Snowflake"));
        }
        return 0;
    }

    /** Genres by item from u.item beside MovieLens' u.data; none for the other formats, which carry no genres. */
    private Map<Long, String> movieLensGenres() throws IOException {
        Map<Long, String> genres = new HashMap<>();
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

    private int inWarehouse(Settings settings, ListOptions options, ListsTableStatements table, EventInput events)
            throws Exception {
        if (out != null || publish || where.storeGiven()) {
            throw PapiException.usage(
                    "--in-warehouse and --print-sql publish in Snowflake, to --lists-table: leave out --out, --publish and --store");
        }
        SnowflakeDatasetBuilder build = null;
        String interactions = interactionsTable;
        if (events != null) {
            String flag = events == ecommerce ? "--events-table" : "--plays-table";
            TrainingDataset built = events.datasets().stream()
                    .filter(d -> d.role() == TrainingDataset.Role.INTERACTIONS)
                    .findFirst()
                    .orElseThrow();
            try {
                build = SnowflakeDatasetBuilder.tablesOnly(
                        events.shape(),
                        events == ecommerce ? eventsTable : playsTable,
                        List.of(built),
                        buildOptions(events),
                        flag);
            } catch (DatasetException e) {
                throw PapiException.usage(e.getMessage());
            }
            interactions = built.folder(); // the session's temporary table
        }
        ListsWarehouseSql sql;
        try {
            sql = ListsWarehouseSql.of(options, interactions, table);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage("--interactions-table: " + e.getMessage());
        }
        if (printSql) {
            if (build != null) {
                out().println("-- papi datasets, in the warehouse: the interactions the lists read");
                for (String statement : build.allStatements()) {
                    out().print(statement + ";\n\n");
                }
            }
            out().print(sql.text());
            return 0;
        }
        long t0 = System.nanoTime();
        try (Connection c =
                RatingsOptions.snowflakeConnection(settings, where.passphrase).get()) {
            if (build != null) {
                build.run(c);
            }
            sql.run(c);
        } catch (DatasetException e) {
            throw PapiException.of(e.getMessage(), e.badInput());
        } catch (SQLException e) {
            throw PapiException.failure(
                    "the warehouse run failed; the previous lists stay: " + SnowflakeJdbc.explain(e));
        }
        out().println(String.format(
                Locale.ROOT,
                "Published the lists of %s to %s in Snowflake in %.1f s (%d statements)",
                build == null
                        ? interactions.toUpperCase(Locale.ROOT)
                        : (events == ecommerce ? eventsTable : playsTable),
                table.shown(),
                (System.nanoTime() - t0) / 1e9,
                (build == null ? 0 : build.allStatements().size())
                        + sql.portable().size()
                        + sql.publish().size()));
        return 0;
    }

    /**
     * Checks that one input is given, and that the flags shaping a datasets build go with one; returns the events
     * input (file or warehouse table), or null for --datasets, --ratings and --interactions-table.
     */
    private EventInput checkInputs() {
        ParseResult given = spec.commandLine().getParseResult();
        List<String> inputs = new ArrayList<>();
        for (String flag :
                List.of("--datasets", "--events", "--plays", "--ratings", "--from-snowflake", "--in-warehouse")) {
            if (given.hasMatchedOption(flag)) {
                inputs.add(flag);
            }
        }
        boolean warehouse = inWarehouse || printSql;
        List<String> tables = new ArrayList<>();
        for (String flag : List.of("--interactions-table", "--events-table", "--plays-table")) {
            if (given.hasMatchedOption(flag)) {
                tables.add(flag);
            }
        }
        if (inputs.size() > 1) {
            throw PapiException.usage("give one input, not " + (inputs.size() == 2 ? "both " : "")
                    + String.join(" and ", inputs) + ": " + INPUTS);
        }
        if (printSql && !inWarehouse && !inputs.isEmpty()) {
            throw PapiException.usage("--print-sql prints the warehouse statements, from --interactions-table, "
                    + "--events-table or --plays-table: leave out " + inputs.get(0));
        }
        if (tables.size() > 1) {
            throw PapiException.usage("give one warehouse table, not " + (tables.size() == 2 ? "both " : "")
                    + String.join(" and ", tables));
        }
        if (!warehouse && !tables.isEmpty()) {
            throw PapiException.usage(
                    tables.get(0) + " is read in Snowflake: add --in-warehouse -c CONN (or --print-sql)");
        }
        if (!warehouse && inputs.isEmpty()) {
            throw PapiException.usage("an input is required: " + INPUTS);
        }
        EventInput events = ecommerce.file() != null || eventsTable != null
                ? ecommerce
                : media.file() != null || playsTable != null ? media : null;
        for (Object shaping : List.of(ecommerce, media, dateWindow)) {
            for (String flag : givenFlags(shaping)) {
                boolean fits = events != null && (shaping == dateWindow || shaping == events);
                if (!flag.equals("--events") && !flag.equals("--plays") && !fits) {
                    throw PapiException.usage(flag + " shapes the datasets built from events: it goes with "
                            + (shaping == media
                                    ? "--plays or --plays-table"
                                    : shaping == ecommerce
                                            ? "--events or --events-table"
                                            : "--events, --plays, --events-table or --plays-table"));
                }
            }
        }
        return events;
    }

    private static final String INPUTS = "--datasets DIR (the --out folder of papi datasets), --events FILE, "
            + "--plays FILE, --ratings FILE|DIR, or --in-warehouse -c CONN";

    /** The flags of the mixin {@code options} given on the command line. */
    private List<String> givenFlags(Object options) {
        ParseResult given = spec.commandLine().getParseResult();
        return spec.mixins().values().stream()
                .filter(m -> m.userObject() == options)
                .flatMap(m -> m.options().stream())
                .map(OptionSpec::longestName)
                .filter(given::hasMatchedOption)
                .toList();
    }

    private BuildOptions buildOptions(EventInput events) {
        return events.refine(BuildOptions.defaults().withWindow(dateWindow.window()));
    }

    /** TMPDIR as the environment gives it, else Java's temporary folder. */
    private Path temporaryParent() {
        return Path.of(environment().get("TMPDIR").orElse(System.getProperty("java.io.tmpdir")));
    }

    private int publish(Settings settings, StoreOption.Kind kind, ListsTableStatements table, List<ItemList> lists)
            throws Exception {
        try {
            if (kind == StoreOption.Kind.H2) {
                // LocalStore.jdbcUrl creates the directory 0700
                try (Connection c =
                        DriverManager.getConnection(LocalStore.jdbcUrl(where.localDir.resolve(environment())))) {
                    return new ListsPublisher(c, table, ListsPublisher.Dialect.H2).publish(lists);
                }
            }
            try (Connection c = RatingsOptions.snowflakeConnection(settings, where.passphrase)
                    .get()) {
                return new ListsPublisher(c, table, ListsPublisher.Dialect.SNOWFLAKE).publish(lists);
            }
        } catch (SQLException e) {
            throw PapiException.failure(
                    "publishing failed and was rolled back (the previous lists stay): " + SnowflakeJdbc.explain(e));
        }
    }

    private static String countByList(List<ItemList> lists) {
        Map<String, Integer> counts = new LinkedHashMap<>();
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
}
