package io.papi.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which Personalize recipes the datasets can train: each needs the interactions minimum (1,000 records, 25 users
 * with 2 or more) and 1,000 events of its type; "more like X" also needs an items dataset. A recipe that cannot be
 * trained is a row of the table, not an error.
 */
public final class RecipeTable {
    /** Personalize's per-use-case minimum of events of the recipe's type. */
    public static final int EVENTS_NEEDED = 1000;

    /** One recipe, what it needs and what the datasets have. */
    public record Row(
            String recipe,
            String dataset,
            String eventType,
            long has,
            boolean needsItems,
            boolean hasItems,
            boolean baseMinimumMet) {
        public boolean trainable() {
            return baseMinimumMet && has >= EVENTS_NEEDED && (!needsItems || hasItems);
        }

        public String needs() {
            return String.format(Locale.ROOT, "%,d %s", EVENTS_NEEDED, eventType == null ? "events" : eventType)
                    + (needsItems ? " + items" : "");
        }
    }

    private record Recipe(String name, TrainingDataset.Domain domain, String eventType, boolean needsItems) {}

    private static final List<Recipe> RECIPES = List.of(
            new Recipe("aws-ecomm-popular-items-by-views", TrainingDataset.Domain.ECOMMERCE, "View", false),
            new Recipe("aws-ecomm-popular-items-by-purchases", TrainingDataset.Domain.ECOMMERCE, "Purchase", false),
            new Recipe("aws-ecomm-frequently-bought-together", TrainingDataset.Domain.ECOMMERCE, "Purchase", false),
            new Recipe("aws-ecomm-customers-who-viewed-x-also-viewed", TrainingDataset.Domain.ECOMMERCE, "View", false),
            new Recipe("aws-ecomm-recommended-for-you", TrainingDataset.Domain.ECOMMERCE, "View", false),
            new Recipe("aws-vod-because-you-watched-x", TrainingDataset.Domain.VIDEO_ON_DEMAND, "Watch", false),
            new Recipe("aws-vod-more-like-x", TrainingDataset.Domain.VIDEO_ON_DEMAND, "Watch", true),
            new Recipe("aws-vod-most-popular", TrainingDataset.Domain.VIDEO_ON_DEMAND, "Watch", false),
            new Recipe("aws-vod-trending-now", TrainingDataset.Domain.VIDEO_ON_DEMAND, null, false),
            new Recipe("aws-vod-top-picks", TrainingDataset.Domain.VIDEO_ON_DEMAND, "Watch", false));

    private RecipeTable() {}

    /** One row per recipe of each interactions dataset's domain. */
    static List<Row> rows(TrainingDataset interactions, InteractionStats stats, boolean hasItems) {
        List<Row> rows = new ArrayList<>();
        for (Recipe recipe : RECIPES) {
            if (recipe.domain() != interactions.domain()) {
                continue;
            }
            long has = recipe.eventType() == null
                    ? stats.rows()
                    : stats.eventTypes().getOrDefault(recipe.eventType(), 0L);
            rows.add(new Row(
                    recipe.name(),
                    interactions.folder(),
                    recipe.eventType(),
                    has,
                    recipe.needsItems(),
                    hasItems,
                    stats.meetsMinimum()));
        }
        return rows;
    }

    /** The table as text, for the terminal. */
    public static List<String> format(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        String format = "%-46s %-18s %12s  %s";
        lines.add(String.format(Locale.ROOT, format, "recipe", "needs", "has", "trainable"));
        for (Row row : rows) {
            String why = row.trainable()
                    ? "yes"
                    : !row.baseMinimumMet()
                            ? "no (interactions below Personalize's minimum)"
                            : row.has() < EVENTS_NEEDED ? "no (too few events)" : "no (no items dataset)";
            lines.add(String.format(
                    Locale.ROOT, format, row.recipe(), row.needs(), String.format(Locale.ROOT, "%,d", row.has()), why));
        }
        return lines;
    }

    /** Counts over an interactions dataset. */
    record InteractionStats(long rows, long usersWithTwoOrMore, Map<String, Long> eventTypes) {
        boolean meetsMinimum() {
            return rows >= Validator.MIN_INTERACTIONS && usersWithTwoOrMore >= Validator.MIN_USERS_WITH_TWO;
        }
    }
}
