package io.papi.cli.command;

import io.papi.cli.config.Settings;
import io.papi.cli.stack.TerminalProgress;
import io.papi.recommender.Algorithm;
import io.papi.recommender.Dataset;
import io.papi.recommender.Evaluation;
import io.papi.recommender.EvaluationRow;
import io.papi.recommender.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi recommend evaluate}: offline accuracy of every algorithm on a random 75/25 split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compare the algorithms offline on a 75/25 split.",
                "Split each user's ratings 75/25 at random (seeded), train each algorithm on the 75%%, and report",
                "precision@K, recall@K, nDCG@K (every held-out rating is relevant) and MAP on the 25%%, with training time.",
                "Protocol details: docs/recommender.md."})
final class EvaluateCommand extends PapiSubcommand {
    @Mixin
    RatingsOptions source = new RatingsOptions();

    @Mixin
    AlgorithmOptions algorithmOptions = new AlgorithmOptions();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of the metrics (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--algorithms", paramLabel = "LIST", split = ",", defaultValue = "ease,itemknn,popular,notebook",
            description = "Algorithms to compare (default: ${DEFAULT-VALUE})")
    List<String> algorithms;

    @Option(names = {"-c", "--connection"}, paramLabel = "NAME", description = "Snowflake connection for --from-snowflake")
    String connection;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Override
    protected int run() {
        if (k < 1 || k > 1000) {
            throw io.papi.cli.PapiException.usage("--k must be between 1 and 1000, not " + k);
        }
        Settings settings = new Settings(environment(), connection, this::warn);
        List<Algorithm> chosen = new ArrayList<>();
        for (String name : algorithms) {
            chosen.add(AlgorithmOptions.parse(name.trim()));
        }
        ProgressListener progress = TerminalProgress.forTerminal(environment().interactive(), err());
        Dataset dataset = source.load(progress, err(), RatingsOptions.snowflakeConnection(settings, passphrase));
        List<EvaluationRow> rows = Evaluation.run(dataset.ratings(), seed, chosen, algorithmOptions.parameters(), k, progress);
        out().printf(Locale.ROOT, "%d ratings, %d users, %d items; split 75/25 per user, seed %d%n",
                dataset.ratings().size(), dataset.ratings().userCount(), dataset.ratings().itemCount(), seed);
        out().printf(Locale.ROOT, "%-10s %13s %10s %9s %8s %8s %10s%n", "algorithm", "precision@" + k, "recall@" + k,
                "nDCG@" + k, "MAP", "MAP@" + k, "train");
        for (EvaluationRow row : rows) {
            out().printf(Locale.ROOT, "%-10s %13.4f %10.4f %9.4f %8.4f %8.4f %9.2fs%n", row.algorithm().key(), row.precision(),
                    row.recall(), row.ndcg(), row.map(), row.mapAtK(), row.trainingTime().toMillis() / 1000.0);
        }
        return 0;
    }
}
