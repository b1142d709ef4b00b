package io.papi.cli.command;

import io.papi.cli.config.Settings;
import io.papi.cli.stack.TerminalProgress;
import io.papi.recommender.Algorithm;
import io.papi.recommender.Dataset;
import io.papi.recommender.Evaluation;
import io.papi.recommender.EvaluationRow;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RandomSplit;
import io.papi.recommender.Ratings;
import io.papi.recommender.Recommender;
import io.papi.recommender.Tuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi recommend evaluate}: offline accuracy of every algorithm on a random 75/25 split. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Compare the algorithms offline on a 75/25 split.",
            "Split each user's ratings 75/25 at random (seeded), tune each algorithm on the 75%% (--tune auto: an",
            "inner validation split of the 75%%, never the 25%%), train it there, and print one table: precision@K,",
            "recall@K, nDCG@K (every held-out rating is relevant), MAP, the knobs chosen and the time taken.",
            "Protocol: docs/recommender.md."
        })
final class EvaluateCommand extends PapiSubcommand {
    @Mixin
    RatingsOptions source = new RatingsOptions();

    @Mixin
    AlgorithmOptions algorithmOptions = new AlgorithmOptions();

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--k",
            paramLabel = "K",
            defaultValue = "10",
            description = "Cut-off of the metrics (default: ${DEFAULT-VALUE})")
    int k;

    @Option(
            names = "--algorithms",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "edlae,ease,itemknn,popular,notebook",
            description = "Algorithms to compare (default: ${DEFAULT-VALUE})")
    List<String> algorithms;

    @Mixin
    ConnectionOption connection = new ConnectionOption();

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Override
    protected int run() {
        if (k < 1 || k > 1000) {
            throw io.papi.cli.PapiException.usage("--k must be between 1 and 1000, not " + k);
        }
        Settings settings = connection.settings(environment(), this::warn);
        List<Algorithm> chosen = new ArrayList<>();
        for (String name : algorithms) {
            chosen.add(AlgorithmOptions.parse(name.trim()));
        }
        ProgressListener progress = TerminalProgress.forTerminal(environment().interactive(), err());
        Dataset dataset = source.load(progress, err(), RatingsOptions.snowflakeConnection(settings, passphrase));
        Ratings ratings = dataset.ratings();
        RandomSplit split = RandomSplit.perUser(ratings, seed, Evaluation.TRAIN_FRACTION);
        List<String[]> table = new ArrayList<>();
        for (Algorithm algorithm : chosen) {
            var why = Recommender.whyNotFit(algorithm, split.train());
            if (why.isPresent()) {
                warn(algorithm.key() + " skipped: " + why.get());
                continue;
            }
            Tuning tuning = algorithmOptions.choose(split.train(), algorithm, progress);
            EvaluationRow row = Evaluation.evaluate(split, algorithm, tuning.parameters(), k, progress);
            table.add(new String[] {
                algorithm.key(),
                f4(row.precision()),
                f4(row.recall()),
                f4(row.ndcg()),
                f4(row.map()),
                f4(row.mapAtK()),
                tuning.knobs() + (tuning.tuned().isEmpty() ? "" : " (tuned)"),
                seconds(tuning.time().plus(row.trainingTime()))
            });
        }
        out().printf(
                        Locale.ROOT,
                        "%d ratings, %d users, %d items; split 75/25 per user, seed %d%n",
                        ratings.size(),
                        ratings.userCount(),
                        ratings.itemCount(),
                        seed);
        out().printf(
                        Locale.ROOT,
                        "%-9s %12s %10s %9s %7s %8s  %-52s %8s%n",
                        "algorithm",
                        "precision@" + k,
                        "recall@" + k,
                        "nDCG@" + k,
                        "MAP",
                        "MAP@" + k,
                        "knobs",
                        "tune+fit");
        for (String[] r : table) {
            out().printf(Locale.ROOT, "%-9s %12s %10s %9s %7s %8s  %-52s %8s%n", (Object[]) r);
        }
        return 0;
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.2fs", d.toMillis() / 1000.0);
    }
}
