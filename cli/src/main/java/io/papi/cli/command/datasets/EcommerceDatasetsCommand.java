package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.datasets.BuildOptions;
import io.papi.datasets.InputShape;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    @Option(names = "--events", paramLabel = "FILE", description = "Product interactions: a .csv or .parquet file")
    Path events;

    @Option(
            names = "--category-separator",
            paramLabel = "TEXT",
            defaultValue = BuildOptions.DEFAULT_CATEGORY_SEPARATOR,
            description = "Separator of category levels in product_category, replaced by | (default: ${DEFAULT-VALUE})")
    String categorySeparator;

    @Option(
            names = "--views",
            paramLabel = "all|product-view",
            defaultValue = "all",
            description =
                    "Which views count as View: all (default, as the package: product and list views) or product-view")
    String views;

    @Option(
            names = "--dedupe",
            description = "One row per user (the non-guest row wins) and per item (the latest price wins)")
    boolean dedupe;

    @Override
    InputShape shape() {
        return InputShape.ECOMMERCE;
    }

    @Override
    Path sourceFile() {
        return events;
    }

    @Override
    String sourceFlag() {
        return "--events";
    }

    @Override
    List<TrainingDataset> datasets() {
        return TrainingDataset.ecommerce();
    }

    @Override
    BuildOptions refine(BuildOptions options) {
        boolean productViewsOnly = switch (views) {
            case "all" -> false;
            case "product-view" -> true;
            default -> throw PapiException.usage("--views takes all or product-view, not '" + views + "'");
        };
        return options.withCategorySeparator(categorySeparator)
                .withProductViewsOnly(productViewsOnly)
                .withDedupe(dedupe);
    }
}
