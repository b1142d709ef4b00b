package io.papi.api.lookup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon Personalize's recipe names, and papi's own list names, to what papi serves: a list of the lists table, or
 * {@link #PER_USER} (the user's recommendations of the lookup table {@code /customer} reads).
 */
public final class RecipeNames {
    /** The per-user recipes: recommended for you, top picks. */
    public static final String PER_USER = "recommended-for-you";

    /** What a recipe serves: a list, and whether it is keyed by a seed item. */
    public record Target(String list, boolean needsItem) {
        public boolean perUser() {
            return list.equals(PER_USER);
        }
    }

    private static final Map<String, Target> BY_NAME = Map.ofEntries(
            Map.entry("aws-ecomm-popular-items-by-views", new Target("most-viewed", false)),
            Map.entry("aws-ecomm-popular-items-by-purchases", new Target("best-sellers", false)),
            Map.entry("aws-ecomm-frequently-bought-together", new Target("bought-together", true)),
            Map.entry("aws-ecomm-customers-who-viewed-x-also-viewed", new Target("also-viewed", true)),
            Map.entry("aws-ecomm-recommended-for-you", new Target(PER_USER, false)),
            Map.entry("aws-vod-because-you-watched-x", new Target("similar", true)),
            Map.entry("aws-vod-more-like-x", new Target("similar", true)),
            Map.entry("aws-vod-most-popular", new Target("most-popular", false)),
            Map.entry("aws-vod-trending-now", new Target("trending", false)),
            Map.entry("aws-vod-top-picks", new Target(PER_USER, false)),
            Map.entry("most-viewed", new Target("most-viewed", false)),
            Map.entry("best-sellers", new Target("best-sellers", false)),
            Map.entry("most-popular", new Target("most-popular", false)),
            Map.entry("trending", new Target("trending", false)),
            Map.entry("bought-together", new Target("bought-together", true)),
            Map.entry("also-viewed", new Target("also-viewed", true)),
            Map.entry("similar", new Target("similar", true)),
            Map.entry(PER_USER, new Target(PER_USER, false)));

    private RecipeNames() {}

    /**
     * The recipe an ARN names: its last path segment ({@code arn:aws:personalize:us-east-1:1234:recommender/
     * aws-ecomm-frequently-bought-together} or {@code .../campaign/similar}), or a bare name.
     */
    public static Optional<Target> of(String arn) {
        String name = arn.substring(arn.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The recipe names papi knows, for the error that names them. */
    public static String known() {
        return String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet()));
    }
}
