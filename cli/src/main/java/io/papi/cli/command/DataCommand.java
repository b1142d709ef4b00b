package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.recommender.Loaders;
import io.papi.recommender.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code papi data}: data sets for trying papi without MovieLens. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Data sets for trying papi.",
        subcommands = DataCommand.Generate.class)
public final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which: generate");
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {
                "Write synthetic MovieLens-shaped data as the guide's CSVs.",
                "The files: ratings.csv, titles.csv, users.csv, with MovieLens 100K's published statistics:",
                "943 users, 1,682 items, 100,000 ratings of 1-5; per user 20-737 (median 65), per item 1-583",
                "(median 27, 141 rated once), shares 6/11/27/34/21 %%; latent tastes.",
                "The same seed gives the same bytes."
            })
    static final class Generate extends PapiSubcommand {
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write to")
        Path out;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "" + io.papi.recommender.SyntheticData.DEFAULT_SEED,
                description = "Random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--force", description = "Overwrite existing files")
        boolean force;

        @picocli.CommandLine.Mixin
        io.papi.cli.command.datasets.SyntheticEventsOptions events =
                new io.papi.cli.command.datasets.SyntheticEventsOptions();

        @Override
        protected int run() throws Exception {
            if (events.snowplow()) {
                return events.generate(out, seed, force, out());
            }
            for (String name : new String[] {Loaders.RATINGS_CSV, Loaders.TITLES_CSV, Loaders.USERS_CSV}) {
                if (!force && Files.exists(out.resolve(name))) {
                    throw PapiException.usage(out.resolve(name) + " already exists; use --force to overwrite it");
                }
            }
            SyntheticData data = SyntheticData.generate(seed);
            for (Path written : data.writeGuideCsv(out)) {
                out().println("Wrote " + written);
            }
            out().println(data.ratings().size() + " ratings by "
                    + data.ratings().userCount() + " users of " + data.ratings().itemCount() + " items (seed " + seed
                    + ")");
            return 0;
        }
    }
}
