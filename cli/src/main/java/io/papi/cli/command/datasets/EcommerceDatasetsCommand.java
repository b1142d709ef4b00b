package io.papi.cli.command.datasets;

import picocli.CommandLine.Command;

/** {@code papi datasets ecommerce}: interactions, users and items from e-commerce product interactions. */
@Command(
        name = "ecommerce",
        mixinStandardHelpOptions = true,
        description = {
            "E-commerce interactions, users and items.",
            "E-commerce interactions, users and items from Snowplow product interactions.",
            "Builds snowplow_recommendations_ecommerce_{interactions,users,items} from a table shaped like",
            "snowplow_ecommerce_product_interactions: a CSV or Parquet file, or a Snowflake table (-c, --table, --stage).",
            "Each folder gets personalize-dataset.csv, personalize-dataset.parquet and schema.json; then they are validated."
        })
final class EcommerceDatasetsCommand extends DatasetBuildCommand {
    EcommerceDatasetsCommand() {
        super(new EcommerceInputOptions());
    }
}
