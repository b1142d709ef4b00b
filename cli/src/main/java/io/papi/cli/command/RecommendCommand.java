package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.cli.stack.LocalStore;
import io.papi.cli.stack.TerminalProgress;
import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import io.papi.recommender.Algorithm;
import io.papi.recommender.Dataset;
import io.papi.recommender.JsonLinesWriter;
import io.papi.recommender.Loaders;
import io.papi.recommender.LookupPublisher;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.Recommender;
import io.papi.recommender.Tuning;
import io.papi.recommender.UserRecommendations;
import io.papi.recommender.WarehouseItemKnn;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi recommend}: the batch recommender that fills the lookup table. */
@Command(
        name = "recommend",
        mixinStandardHelpOptions = true,
        description = {
            "Recommend items to users in batch.",
            "Every user (or the users in --users), written as JSON Lines,",
            "{\"user_id\": 22, \"recommendations\": [{\"item_id\":..,\"movie_name\":..,\"movie_score\":\"..\"}, ...]},",
            "and/or publish them to the lookup table (--publish), replacing the previous set atomically."
        },
        subcommands = {EvaluateCommand.class, RecommendListsCommand.class})
public final class RecommendCommand extends PapiSubcommand {
    @Mixin
    RatingsOptions source = new RatingsOptions();

    @Mixin
    AlgorithmOptions algorithmOptions = new AlgorithmOptions();

    @Option(
            names = "--algorithm",
            paramLabel = "NAME",
            description =
                    "edlae (default: EASE with denoising, rating-aware input and popularity damping), ease, itemknn, popular, "
                            + "or notebook (the guide's user-kNN, exactly). When the default does not fit in the heap, itemknn (sparse) runs instead")
    String algorithm;

    @Option(
            names = "--top",
            paramLabel = "N",
            description = "Items per user (default 10; 3 for notebook, as the guide)")
    Integer top;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "Only these users: the guide's users.csv (ID) or one id a line")
    Path users;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "JSON Lines output, - for stdout (default recs.jsonl; with --publish, none unless given)")
    String out;

    @Option(
            names = "--publish",
            description = "Publish to the lookup table of --store (h2: the local account; snowflake: your connection)")
    boolean publish;

    @Option(
            names = "--batch-table",
            paramLabel = "TABLE",
            defaultValue = LookupTable.DEFAULT_BATCH_NAME,
            description =
                    "Snowflake only: the standard table written first, as the guide does (default: ${DEFAULT-VALUE})")
    String batchTable;

    @Option(
            names = "--in-warehouse",
            description =
                    "Run item-kNN inside Snowflake instead (sql/recommender/itemknn.sql over your connection, -c): reads "
                            + "--ratings-table and --titles-table, publishes to --batch-table and --table in one transaction. For ratings "
                            + "that outgrow one machine. Knobs: --neighbours, --shrinkage, --top (not tuned there)")
    boolean inWarehouse;

    @Option(
            names = "--print-sql",
            description =
                    "Print the statements --in-warehouse would run, with the knobs and tables filled in, and exit")
    boolean printSql;

    /** Where --publish writes: --store, --table, -c and their --local-dir and --passphrase-file. */
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Override
    protected int run() throws Exception {
        Settings settings = storeOptions.settings(this);
        if (inWarehouse || printSql) {
            return inWarehouse(settings);
        }
        Algorithm chosen = algorithm == null ? Algorithm.defaultAlgorithm() : AlgorithmOptions.parse(algorithm);
        int topN = top != null ? top : chosen.defaultTopN();
        if (topN < 1 || topN > 1000) {
            throw PapiException.usage("--top must be between 1 and 1000, not " + topN);
        }
        Path outFile = out == null ? (publish ? null : Path.of("recs.jsonl")) : out.equals("-") ? null : Path.of(out);
        boolean toStdout = "-".equals(out);
        ProgressListener progress = TerminalProgress.forTerminal(environment().interactive(), err());

        Dataset dataset =
                source.load(progress, err(), RatingsOptions.snowflakeConnection(settings, storeOptions.passphrase));
        var report = toStdout ? err() : out();
        chosen = fitting(chosen, dataset.ratings());
        long t0 = System.nanoTime();
        Tuning tuning = algorithmOptions.choose(dataset.ratings(), chosen, progress);
        report.println(tuning.summary());
        Recommender recommender = Recommender.train(dataset.ratings(), chosen, tuning.parameters(), progress);
        List<UserRecommendations> result = users == null
                ? recommender.recommendAll(topN, dataset.titles(), progress)
                : recommender.recommend(readUsers(), topN, dataset.titles(), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;

        if (toStdout) {
            JsonLinesWriter.write(result, out());
        } else if (outFile != null) {
            JsonLinesWriter.write(result, outFile);
        }
        String summary = String.format(
                Locale.ROOT,
                "%s: top %d for %d users from %d ratings in %.2f s",
                chosen.key(),
                topN,
                result.size(),
                dataset.ratings().size(),
                seconds);
        report.println(summary + (outFile != null ? " -> " + outFile : ""));
        if (publish) {
            int rows = publish(settings, result, progress);
            report.println("Published " + rows + " users to " + describeTarget(settings));
        }
        return 0;
    }

    /** {@code --in-warehouse} and {@code --print-sql}: item-kNN as SQL in Snowflake, published there. */
    private int inWarehouse(Settings settings) throws Exception {
        if (source.ratings != null || source.fromSnowflake) {
            throw PapiException.usage(
                    "--in-warehouse reads --ratings-table in Snowflake: leave out --ratings and --from-snowflake");
        }
        if (algorithm != null && AlgorithmOptions.parse(algorithm) != Algorithm.ITEMKNN) {
            throw PapiException.usage("--in-warehouse runs itemknn only, not " + algorithm);
        }
        if (users != null || out != null || publish || storeOptions.storeGiven()) {
            throw PapiException.usage(
                    "--in-warehouse always publishes in Snowflake: leave out --users, --out, --publish and --store");
        }
        var p = algorithmOptions.parameters();
        int topN = top != null ? top : Algorithm.ITEMKNN.defaultTopN();
        WarehouseItemKnn script;
        try {
            script = WarehouseItemKnn.of(
                    p.knnNeighbours(),
                    p.knnShrinkage(),
                    topN,
                    tableName(source.ratingsTable),
                    tableName(source.titlesTable),
                    tableName(batchTable),
                    tableName(storeOptions.table(settings)));
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        if (printSql) {
            out().print(script.text());
            return 0;
        }
        SnowflakeJdbc.Target target =
                SnowflakeJdbc.target(settings, null, null, null, storeOptions.passphrase.source(settings));
        out().println(
                        "itemknn in the warehouse: neighbours=" + p.knnNeighbours() + " shrinkage="
                                + io.papi.recommender.algorithm.Format.knob(p.knnShrinkage()) + " top=" + topN
                                + " (not tuned: --tune runs in memory; pass the knobs 'papi recommend evaluate --algorithms itemknn' chose on a sample)");
        ProgressListener progress = TerminalProgress.forTerminal(environment().interactive(), err());
        try (Connection c = target.connect()) {
            long rows = script.run(c, progress);
            out().println("Published " + (rows < 0 ? "the" : Long.toString(rows)) + " users' recommendations to "
                    + storeOptions.table(settings) + " in Snowflake ("
                    + script.statements().size() + " statements)");
        } catch (SQLException e) {
            throw PapiException.failure(
                    "the warehouse run failed; the previous recommendations stay: " + SnowflakeJdbc.explain(e));
        }
        return 0;
    }

    /**
     * The algorithm to run: the one asked for, or when the default does not fit in the heap, item-kNN (sparse), with
     * one line saying why. An algorithm the user named that does not fit stops the command.
     */
    private Algorithm fitting(Algorithm chosen, Ratings ratings) {
        var why = Recommender.whyNotFit(chosen, ratings);
        if (why.isEmpty() && algorithm == null) {
            why = Recommender.whyNotQuick(chosen, ratings);
        }
        if (why.isEmpty()) {
            return chosen;
        }
        if (algorithm != null) {
            throw PapiException.failure(chosen.key() + " cannot run here: " + why.get()
                    + "; use --algorithm itemknn, a larger heap (PAPI_JAVA_OPTS=-Xmx...), or --in-warehouse -c CONN");
        }
        warn(why.get() + "; using itemknn (sparse item-kNN) instead, or run --in-warehouse -c CONN");
        return Algorithm.ITEMKNN;
    }

    private long[] readUsers() throws IOException {
        try {
            return Loaders.users(users);
        } catch (NoSuchFileException e) {
            throw PapiException.usage("--users " + users + " does not exist");
        } catch (io.papi.recommender.BadDataException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    private int publish(Settings settings, List<UserRecommendations> result, ProgressListener progress)
            throws Exception {
        StoreOption.Kind kind = storeOptions.kind(settings);
        TableName lookup = tableName(storeOptions.table(settings));
        try {
            return switch (kind) {
                case H2 -> {
                    Path dir = storeOptions.localDir.resolve(environment());
                    // LocalStore.jdbcUrl creates the directory 0700
                    try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(dir))) {
                        yield LookupPublisher.h2(c, lookup).publish(result, progress);
                    }
                }
                case SNOWFLAKE -> {
                    try (Connection c = SnowflakeJdbc.target(
                                    settings, null, null, null, storeOptions.passphrase.source(settings))
                            .connect()) {
                        yield LookupPublisher.snowflake(c, tableName(batchTable), lookup)
                                .publish(result, progress);
                    }
                }
            };
        } catch (SQLException e) {
            throw PapiException.failure("publishing failed and was rolled back (the previous recommendations stay): "
                    + SnowflakeJdbc.explain(e));
        }
    }

    private String describeTarget(Settings settings) {
        String table = storeOptions.table(settings);
        return storeOptions.kind(settings) == StoreOption.Kind.H2
                ? table + " in the local account " + storeOptions.localDir.resolve(environment())
                : table + " in Snowflake";
    }

    static TableName tableName(String name) {
        try {
            return TableName.of(name);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }
}
