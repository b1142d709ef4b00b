package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.lists.ListOptions;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How {@code papi recommend lists} computes: list size, popularity window and decay, trending, co-occurrence. */
final class ListTuningOptions {
    @Option(
            names = "--size",
            paramLabel = "N",
            defaultValue = "100",
            description = "Items per list, 1-500 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(
            names = "--window",
            paramLabel = "DURATION",
            description = "Popular lists count only the last DURATION before the latest event (e.g. 7d; default: all)")
    Duration window;

    @Option(
            names = "--half-life",
            paramLabel = "DURATION",
            description = "Popular lists weigh each user by 2^(-age/half-life) (e.g. 3d; default: no decay)")
    Duration halfLife;

    @Option(
            names = "--trend-interval",
            paramLabel = "30m|1h|3h|1d",
            defaultValue = "1d",
            description = "Trending compares the latest interval with the one before (default: ${DEFAULT-VALUE})")
    String trendInterval;

    @Option(
            names = "--trend-min",
            paramLabel = "N",
            defaultValue = "5",
            description = "Trending needs at least N interactions in the latest interval (default: ${DEFAULT-VALUE})")
    int trendMin;

    @Option(
            names = "--min-support",
            paramLabel = "N",
            defaultValue = "2",
            description = "Bought-together needs a pair in N transactions (default: ${DEFAULT-VALUE})")
    int minSupport;

    @Option(
            names = "--measure",
            paramLabel = "lift|cosine",
            defaultValue = "lift",
            description = "How bought-together scores a pair (default: ${DEFAULT-VALUE})")
    String measure;

    @Option(
            names = "--jaccard",
            paramLabel = "X",
            defaultValue = "0.01",
            description = "Also-viewed keeps pairs whose session Jaccard is at least X (default: ${DEFAULT-VALUE})")
    double jaccard;

    /** The options as the lists module takes them; a bad value is a usage error. */
    ListOptions options() {
        if (size < 1 || size > 500) {
            throw PapiException.usage("--size must be between 1 and 500, not " + size);
        }
        try {
            ListOptions.Measure m = switch (measure.toLowerCase(Locale.ROOT)) {
                case "lift" -> ListOptions.Measure.LIFT;
                case "cosine" -> ListOptions.Measure.COSINE;
                default -> throw new IllegalArgumentException("--measure is lift or cosine, not " + measure);
            };
            return ListOptions.defaults()
                    .withSize(size)
                    .withPopularity(window, halfLife)
                    .withTrending(ListOptions.trendInterval(trendInterval), trendMin)
                    .withBoughtTogether(minSupport, m)
                    .withAlsoViewed(jaccard);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }
}
