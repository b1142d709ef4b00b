package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.cli.command.PapiSubcommand;
import io.papi.cli.command.RatingsOptions;
import io.papi.datasets.BuildOptions;
import io.papi.datasets.BuildResult;
import io.papi.datasets.DatasetException;
import io.papi.datasets.LocalDatasetBuilder;
import io.papi.datasets.MovieLensFacts;
import io.papi.datasets.OutputFolder;
import io.papi.datasets.RatingsInput;
import io.papi.datasets.TrainingDataset;
import io.papi.datasets.Validator;
import io.papi.recommender.BadDataException;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.Ratings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi datasets ratings}: VIDEO_ON_DEMAND datasets from the ratings {@code papi recommend} reads. */
@Command(
        name = "ratings",
        mixinStandardHelpOptions = true,
        description = {
            "VIDEO_ON_DEMAND interactions, items and users from ratings.",
            "Builds snowplow_recommendations_ratings_{interactions,items,users} from ratings:",
            "an ml-100k folder, the guide's CSVs, papi's synthetic data (papi data generate), or any CSV with --mapping.",
            "Interactions are Watch with EVENT_VALUE = rating; items where titles or genres are known; users where",
            "they are known (u.user)."
        })
final class RatingsDatasetsCommand extends PapiSubcommand {
    @Option(
            names = "--ratings",
            paramLabel = "FILE|DIR",
            required = true,
            description =
                    "An ml-100k folder (u.data, u.item, u.user), the guide's ratings CSV, or a folder holding ratings.csv")
    Path ratings;

    @Option(names = "--titles", paramLabel = "FILE", description = "Titles CSV (ITEM_ID,TITLE) for the guide's format")
    Path titles;

    @Option(
            names = "--ratings-format",
            paramLabel = "auto|movielens|guide|csv",
            defaultValue = "auto",
            description =
                    "Ratings format (default: ${DEFAULT-VALUE}: u.data means movielens, --mapping means csv, else guide)")
    String ratingsFormat;

    @Option(
            names = "--mapping",
            paramLabel = "SPEC",
            description =
                    "Columns of a generic CSV, as papi recommend takes them, e.g. user=userId,item=movieId,rating=rating,timestamp=ts")
    String mapping;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    protected int run() throws IOException {
        if (output.stage != null || output.printSql) {
            throw PapiException.usage("ratings datasets are built locally: use --out DIR (no --stage or --print-sql)");
        }
        if (output.out == null) {
            throw PapiException.usage("--out DIR is required: the folder to write the dataset folders into");
        }
        RatingsInput input = load();
        List<TrainingDataset> datasets = LocalDatasetBuilder.ratingsDatasets(input);
        BuildOptions options = BuildOptions.defaults().withFormats(output.formats());
        BuildResult result;
        try (OutputFolder folder = OutputFolder.prepare(output.out, datasets, output.force)) {
            result = LocalDatasetBuilder.buildRatings(input, options, folder);
            folder.commit();
        } catch (DatasetException e) {
            throw PapiException.of(e.getMessage(), e.badInput());
        }
        for (TrainingDataset dataset : datasets) {
            out().printf(
                            Locale.ROOT,
                            "%,12d rows  %s%n",
                            result.rows().get(dataset),
                            output.out.resolve(dataset.folder()));
        }
        List<Path> folders =
                datasets.stream().map(d -> output.out.resolve(d.folder())).toList();
        return ValidationOutput.print(Validator.validate(folders, output.strict), out(), err());
    }

    private RatingsInput load() throws IOException {
        if (!Files.exists(ratings)) {
            throw PapiException.usage(
                    "--ratings " + ratings + " does not exist; make test data with: papi data generate --out data");
        }
        String kind = ratingsFormat.toLowerCase(Locale.ROOT);
        Path dir =
                Files.isDirectory(ratings) ? ratings : ratings.toAbsolutePath().getParent();
        if (kind.equals("auto")) {
            kind = mapping != null
                    ? "csv"
                    : Files.isRegularFile(dir.resolve("u.data"))
                                    || ratings.getFileName().toString().equals("u.data")
                            ? "movielens"
                            : "guide";
        }
        LoadOptions options = LoadOptions.defaults();
        Dataset dataset;
        try {
            dataset = RatingsOptions.loadFiles(
                    ratings, titles, kind, mapping, "--ratings-format", ratingsFormat, options);
        } catch (BadDataException e) {
            throw PapiException.usage(e.getMessage());
        } catch (NoSuchFileException e) {
            throw PapiException.usage("no such file: " + e.getFile());
        }
        Map<Long, RatingsInput.Item> items = new HashMap<>();
        Map<Long, RatingsInput.User> users = Map.of();
        if (kind.equals("movielens")) {
            items.putAll(MovieLensFacts.items(dir));
            users = MovieLensFacts.users(dir);
        }
        for (Map.Entry<Long, String> title : dataset.titles().asMap().entrySet()) {
            items.merge(
                    title.getKey(),
                    new RatingsInput.Item(title.getValue(), null, null),
                    (known, titled) -> known.title() != null
                            ? known
                            : new RatingsInput.Item(titled.title(), known.genres(), known.creationTimestamp()));
        }
        return toInput(dataset.ratings(), items, users);
    }

    private static RatingsInput toInput(
            Ratings ratings, Map<Long, RatingsInput.Item> items, Map<Long, RatingsInput.User> users) {
        int n = ratings.size();
        long[] userIds = new long[n];
        long[] itemIds = new long[n];
        float[] values = new float[n];
        long[] timestamps = new long[n];
        int row = 0;
        for (int user = 0; user < ratings.userCount(); user++) {
            for (int p = ratings.start(user); p < ratings.end(user); p++) {
                userIds[row] = ratings.userId(user);
                itemIds[row] = ratings.itemId(ratings.item(p));
                values[row] = ratings.value(p);
                long at = ratings.timestamp(p);
                timestamps[row] = at == Ratings.NO_TIMESTAMP ? RatingsInput.NO_TIMESTAMP : at;
                row++;
            }
        }
        return new RatingsInput(userIds, itemIds, values, timestamps, items, users);
    }
}
