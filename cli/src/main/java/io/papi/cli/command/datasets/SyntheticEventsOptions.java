package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.datasets.DatasetException;
import io.papi.datasets.InputShape;
import io.papi.datasets.SyntheticEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code papi data generate --kind ecommerce|media}: synthetic Snowplow tables, as CSV and Parquet. */
public final class SyntheticEventsOptions {
    @Option(
            names = "--kind",
            paramLabel = "ratings|ecommerce|media",
            defaultValue = "ratings",
            description =
                    "ratings (default: the MovieLens-shaped CSVs), or Snowplow tables: ecommerce "
                            + "(snowplow_ecommerce_product_interactions) or media (snowplow_media_player_base), as .csv and .parquet")
    String kind;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "" + SyntheticEvents.DEFAULT_USERS,
            description =
                    "With --kind ecommerce|media: users to simulate (default: ${DEFAULT-VALUE}; ~22 e-commerce rows or ~12 plays each)")
    int users;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "" + SyntheticEvents.DEFAULT_DAYS,
            description =
                    "With --kind ecommerce|media: days of data from a week before 2025-01-01 (default: ${DEFAULT-VALUE})")
    int days;

    /** True when a Snowplow table was asked for, rather than the ratings. */
    public boolean snowplow() {
        return !kind.equalsIgnoreCase("ratings");
    }

    /** Writes the table into {@code out}; returns the exit code. */
    public int generate(Path out, long seed, boolean force, PrintWriter report) throws IOException {
        InputShape shape = switch (kind.toLowerCase(Locale.ROOT)) {
            case "ecommerce" -> InputShape.ECOMMERCE;
            case "media" -> InputShape.MEDIA;
            default -> throw PapiException.usage("--kind takes ratings, ecommerce or media, not '" + kind + "'");
        };
        for (Path file : List.of(SyntheticEvents.csvFile(out, shape), SyntheticEvents.parquetFile(out, shape))) {
            if (!force && Files.exists(file)) {
                throw PapiException.usage(file + " already exists; use --force to overwrite it");
            }
        }
        try {
            SyntheticEvents.Spec spec =
                    new SyntheticEvents.Spec(shape, seed, users, days, SyntheticEvents.DEFAULT_FIRST_DAY);
            for (Path written : SyntheticEvents.write(spec, out, true)) {
                report.println("Wrote " + written);
            }
            report.printf(
                    Locale.ROOT,
                    "%s: %d users over %d days from %s (seed %d)%n",
                    shape.table(),
                    users,
                    days,
                    SyntheticEvents.DEFAULT_FIRST_DAY,
                    seed);
            return 0;
        } catch (DatasetException e) {
            throw PapiException.of(e.getMessage(), e.badInput());
        }
    }
}
