package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.datasets.BuildOptions;
import io.papi.datasets.InputShape;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The e-commerce product interactions file and the options that shape what is built from it, shared by
 * {@code papi datasets ecommerce} and {@code papi recommend lists}.
 */
public final class EcommerceInputOptions extends EventInput {
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

    public EcommerceInputOptions() {
        super(InputShape.ECOMMERCE, "--events", TrainingDataset.ecommerce());
    }

    @Override
    public Path file() {
        return events;
    }

    /** The category separator, the views counted and deduplication as given. */
    @Override
    public BuildOptions refine(BuildOptions options) {
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
