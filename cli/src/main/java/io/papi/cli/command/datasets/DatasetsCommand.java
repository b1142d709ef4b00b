package io.papi.cli.command.datasets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papi datasets}: Snowplow's training datasets for Amazon Personalize and Shaped. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = {
            "Build Personalize and Shaped training datasets.",
            "Training datasets for Amazon Personalize and Shaped from Snowplow events (or ratings).",
            "Builds the datasets of Snowplow's dbt-snowplow-recommendations package: CSV + schema.json for Personalize,",
            "Parquet for Shaped, on an embedded engine (DuckDB) or in the Snowflake warehouse, and validates them."
        },
        subcommands = {
            EcommerceDatasetsCommand.class,
            MediaDatasetsCommand.class,
            RatingsDatasetsCommand.class,
            ValidateDatasetsCommand.class
        })
public final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say which: ecommerce, media, ratings or validate");
    }
}
