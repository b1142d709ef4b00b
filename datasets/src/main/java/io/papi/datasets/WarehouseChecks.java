package io.papi.datasets;

import io.papi.datasets.TrainingDataset.Role;
import io.papi.datasets.validate.ProblemLog;
import io.papi.datasets.validate.RowChecks;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Personalize's import rules checked in the warehouse, over the tables a Snowflake build made, with one portable
 * {@code COUNT(*)} query per rule: the same rules and messages as {@link Validator}, counted rather than listed
 * row by row (a table has no row numbers). The schema rules need no check here: papi wrote the schema.
 */
final class WarehouseChecks {
    private static final Map<TrainingDataset, List<String>> EVENT_TYPES = Map.of(
            TrainingDataset.ECOMMERCE_INTERACTIONS, List.of("View", "Purchase"),
            TrainingDataset.MEDIA_INTERACTIONS, List.of("Watch"),
            TrainingDataset.RATINGS_INTERACTIONS, List.of("Watch"));

    private final Connection connection;
    private final ProblemLog log;

    WarehouseChecks(Connection connection, boolean strict) {
        this.connection = connection;
        this.log = new ProblemLog(strict);
    }

    ValidationReport run(List<TrainingDataset> datasets) throws SQLException {
        List<RecipeTable.Row> recipes = new ArrayList<>();
        boolean hasItems = datasets.stream().anyMatch(d -> d.role() == Role.ITEMS);
        for (TrainingDataset dataset : datasets) {
            String table = dataset.folder();
            java.util.Set<String> required =
                    Validator.requiredFields(dataset.role(), dataset.domain()).keySet();
            for (Field field : dataset.fields()) {
                long empty = count("SELECT COUNT(*) FROM " + table + " WHERE " + quoted(field) + " IS NULL"
                        + (field.type().equals("string") ? " OR " + quoted(field) + " = ''" : ""));
                if (empty > 0) {
                    log.warning(
                            table,
                            0,
                            Problem.EMPTY_VALUE,
                            String.format(
                                    Locale.ROOT,
                                    "%,d empty %s in %s field %s; Personalize may refuse such rows on import",
                                    empty,
                                    empty == 1 ? "value" : "values",
                                    required.contains(field.name()) ? "required" : "optional",
                                    field.name()));
                }
                if (field.categorical()) {
                    errorForRows(
                            table,
                            "LENGTH(" + quoted(field) + ") > " + RowChecks.MAX_CATEGORICAL_LENGTH,
                            Problem.CATEGORICAL_LENGTH,
                            "%,d values of %s are over Personalize's %d characters for a categorical value",
                            field.name(),
                            RowChecks.MAX_CATEGORICAL_LENGTH);
                }
                if (field.name().equals("USER_ID") || field.name().equals("ITEM_ID")) {
                    errorForRows(
                            table,
                            "LENGTH(" + quoted(field) + ") > " + RowChecks.MAX_ID_LENGTH,
                            Problem.ID_LENGTH,
                            "%,d values of %s are over Personalize's %d characters",
                            field.name(),
                            RowChecks.MAX_ID_LENGTH);
                }
                if (field.name().endsWith("TIMESTAMP")) {
                    errorForRows(
                            table,
                            "ABS(" + quoted(field) + ") >= " + RowChecks.MILLISECONDS_ABOVE,
                            Problem.MILLISECONDS,
                            "%,d values of %s look like epoch milliseconds; Personalize takes epoch seconds",
                            field.name());
                }
            }
            if (dataset.role() == Role.INTERACTIONS) {
                RecipeTable.InteractionStats stats = interactionStats(dataset);
                Validator.countChecks(
                        table,
                        stats,
                        dataset.fields().stream()
                                .filter(f -> !Validator.RESERVED_INTERACTION_FIELDS.contains(f.name()))
                                .count(),
                        log);
                recipes.addAll(RecipeTable.rows(dataset, stats, hasItems));
            } else {
                String id = dataset.role() == Role.USERS ? "\"USER_ID\"" : "\"ITEM_ID\"";
                long repeats = count("SELECT COUNT(*) - COUNT(DISTINCT " + id + ") FROM " + table);
                if (repeats > 0) {
                    log.warning(
                            table,
                            0,
                            Problem.DUPLICATE_ID,
                            String.format(
                                    Locale.ROOT,
                                    "%,d rows repeat the %s of an earlier row; --dedupe builds one row per id",
                                    repeats,
                                    id.replace("\"", "")));
                }
            }
        }
        return new ValidationReport(log.problems(), log.suppressed(), recipes);
    }

    /**
     * Logs {@code rule} as an error when rows of {@code table} match {@code condition}; {@code format} takes their
     * count first, then {@code args}.
     */
    private void errorForRows(String table, String condition, String rule, String format, Object... args)
            throws SQLException {
        long rows = count("SELECT COUNT(*) FROM " + table + " WHERE " + condition);
        if (rows > 0) {
            Object[] values = new Object[args.length + 1];
            values[0] = rows;
            System.arraycopy(args, 0, values, 1, args.length);
            log.error(table, 0, rule, String.format(Locale.ROOT, format, values));
        }
    }

    private RecipeTable.InteractionStats interactionStats(TrainingDataset dataset) throws SQLException {
        String table = dataset.folder();
        long rows = count("SELECT COUNT(*) FROM " + table);
        long usersWithTwo = count("SELECT COUNT(*) FROM (SELECT \"USER_ID\" FROM " + table
                + " GROUP BY \"USER_ID\" HAVING COUNT(*) >= 2) AS repeat_users");
        Map<String, Long> types = new HashMap<>();
        for (String type : EVENT_TYPES.getOrDefault(dataset, List.of())) {
            types.put(
                    type,
                    count("SELECT COUNT(*) FROM " + table + " WHERE \"EVENT_TYPE\" = " + DatasetSql.literal(type)));
        }
        return new RecipeTable.InteractionStats(rows, usersWithTwo, types);
    }

    private static String quoted(Field field) {
        return EmbeddedWarehouse.identifier(field.name());
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
