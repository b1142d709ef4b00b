package io.papi.datasets;

import io.papi.datasets.TrainingDataset.Domain;
import io.papi.datasets.TrainingDataset.Role;
import io.papi.datasets.csv.CsvReader;
import io.papi.datasets.validate.ProblemLog;
import io.papi.datasets.validate.RowChecks;
import io.papi.datasets.validate.SchemaFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks dataset folders against Amazon Personalize's import rules, reading the files as Personalize would (papi's
 * own CSV reader, not the engine that wrote them). Errors: required fields or types missing, fewer than 1,000
 * interactions or 25 users with two or more, ids over 256 characters, categorical values over 1,000, timestamps in
 * milliseconds, schema and header in different orders, metadata field limits. Warnings: duplicate user or item ids,
 * empty values.
 */
public final class Validator {
    public static final int MIN_INTERACTIONS = 1000;
    public static final int MIN_USERS_WITH_TWO = 25;
    public static final int MAX_INTERACTION_METADATA = 5;
    public static final int MAX_INTERACTION_METADATA_AND_EVENT_TYPES = 10;
    public static final int MAX_USER_METADATA = 25;
    /** Interaction fields Personalize reserves; every other field is metadata. */
    static final Set<String> RESERVED_INTERACTION_FIELDS =
            Set.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION", "RECOMMENDATION_ID");

    private Validator() {}

    /** What a folder holds: a dataset's name, its Personalize type and domain. */
    private record Target(Path folder, String name, Role role, Domain domain) {}

    /**
     * Validates {@code dir}: one dataset folder, or a folder of them (as a build writes).
     *
     * @param strict warnings count as errors
     */
    public static ValidationReport validate(Path dir, boolean strict) {
        return validate(List.of(dir), strict);
    }

    /** Validates each of {@code dirs} (each a dataset folder or a folder of them) as one set of datasets. */
    public static ValidationReport validate(List<Path> dirs, boolean strict) {
        List<Target> targets = new ArrayList<>();
        for (Path dir : dirs) {
            targets.addAll(targets(dir));
        }
        ProblemLog log = new ProblemLog(strict);
        List<RecipeTable.Row> recipes = new ArrayList<>();
        boolean hasItems = targets.stream().anyMatch(t -> t.role() == Role.ITEMS);
        for (Target target : targets) {
            RowChecks rows = check(target, log);
            if (rows != null && target.role() == Role.INTERACTIONS) {
                RecipeTable.InteractionStats stats = new RecipeTable.InteractionStats(
                        rows.rows(), rows.usersWithTwoOrMore(), Map.copyOf(rows.eventTypes()));
                countChecks(target.name(), stats, rows.metadataFields(RESERVED_INTERACTION_FIELDS), log);
                TrainingDataset.ofFolder(target.name())
                        .or(() -> Stream.of(TrainingDataset.values())
                                .filter(d -> d.role() == Role.INTERACTIONS && d.domain() == target.domain())
                                .findFirst())
                        .ifPresent(d -> recipes.addAll(RecipeTable.rows(d, stats, hasItems)));
            }
        }
        return new ValidationReport(log.problems(), log.suppressed(), recipes);
    }

    private static RowChecks check(Target target, ProblemLog log) {
        String name = target.name();
        Path schemaFile = target.folder().resolve(TrainingDataset.SCHEMA_FILE);
        Path csv = target.folder().resolve(TrainingDataset.CSV_FILE);
        SchemaFile schema;
        List<String> header;
        try {
            schema = SchemaFile.read(schemaFile);
        } catch (IOException e) {
            log.error(
                    name,
                    0,
                    Problem.SCHEMA,
                    Files.exists(schemaFile) ? e.getMessage() : "no " + TrainingDataset.SCHEMA_FILE);
            return null;
        }
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CsvReader in = new CsvReader(reader)) {
            header = in.next();
        } catch (IOException e) {
            log.error(
                    name,
                    0,
                    Problem.SCHEMA,
                    Files.exists(csv)
                            ? "cannot read " + TrainingDataset.CSV_FILE + ": " + e.getMessage()
                            : "no " + TrainingDataset.CSV_FILE);
            return null;
        }
        if (header == null) {
            log.error(name, 0, Problem.SCHEMA, TrainingDataset.CSV_FILE + " is empty: it needs a header row");
            return null;
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            log.error(
                    name,
                    0,
                    Problem.SCHEMA,
                    TrainingDataset.CSV_FILE + " starts with a byte-order mark; Personalize takes UTF-8 without one");
        }
        if (!checkOrder(name, schema.names(), header, log)) {
            return null;
        }
        checkRequired(target, schema, log);
        checkMetadataLimits(target, schema, log);
        RowChecks rows = new RowChecks(
                name,
                target.role(),
                schema.fields(),
                requiredFields(target.role(), target.domain()).keySet(),
                log);
        try {
            rows.run(csv);
        } catch (IOException e) {
            log.error(name, 0, Problem.SCHEMA, "cannot read " + TrainingDataset.CSV_FILE + ": " + e.getMessage());
            return null;
        }
        return rows;
    }

    private static boolean checkOrder(String name, List<String> schema, List<String> header, ProblemLog log) {
        if (schema.equals(header)) {
            return true;
        }
        if (Set.copyOf(schema).equals(Set.copyOf(header)) && schema.size() == header.size()) {
            log.error(
                    name,
                    0,
                    Problem.FIELD_ORDER,
                    "the schema's fields " + schema + " and the CSV header " + header
                            + " are in different orders; Personalize maps columns by position");
        } else {
            log.error(
                    name,
                    0,
                    Problem.FIELD_ORDER,
                    "the schema's fields " + schema + " and the CSV header " + header + " differ");
        }
        return false;
    }

    /** The fields Personalize requires of a dataset of this type and domain, with their Avro types, in order. */
    static Map<String, String> requiredFields(Role role, Domain domain) {
        Map<String, String> required = new LinkedHashMap<>();
        switch (role) {
            case INTERACTIONS -> {
                required.put("USER_ID", "string");
                required.put("ITEM_ID", "string");
                required.put("TIMESTAMP", "long");
            }
            case USERS -> required.put("USER_ID", "string");
            case ITEMS -> {
                required.put("ITEM_ID", "string");
                if (domain == Domain.ECOMMERCE) {
                    required.put("PRICE", "float");
                    required.put("CATEGORY_L1", "string");
                } else {
                    required.put("GENRES", "string");
                    required.put("CREATION_TIMESTAMP", "long");
                }
            }
            default -> throw new IllegalStateException(role.name());
        }
        return required;
    }

    private static void checkRequired(Target target, SchemaFile schema, ProblemLog log) {
        for (Map.Entry<String, String> field :
                requiredFields(target.role(), target.domain()).entrySet()) {
            SchemaFile.SchemaField found = schema.fields().stream()
                    .filter(f -> f.name().equals(field.getKey()))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                log.error(
                        target.name(),
                        0,
                        Problem.REQUIRED_FIELD,
                        "required field " + field.getKey() + " (" + field.getValue() + ") is missing");
            } else if (!field.getValue().equals(found.type())) {
                log.error(
                        target.name(),
                        0,
                        Problem.REQUIRED_FIELD,
                        "field " + field.getKey() + " must be of type " + field.getValue() + ", not " + found.type());
            }
        }
    }

    private static void checkMetadataLimits(Target target, SchemaFile schema, ProblemLog log) {
        long metadata = target.role() == Role.INTERACTIONS
                ? schema.names().stream()
                        .filter(n -> !RESERVED_INTERACTION_FIELDS.contains(n))
                        .count()
                : schema.names().size() - 1;
        if (target.role() == Role.INTERACTIONS && metadata > MAX_INTERACTION_METADATA) {
            log.error(
                    target.name(),
                    0,
                    Problem.METADATA_LIMIT,
                    metadata + " metadata fields; Personalize allows " + MAX_INTERACTION_METADATA + " in interactions");
        }
        if (target.role() == Role.USERS && (metadata < 1 || metadata > MAX_USER_METADATA)) {
            log.error(
                    target.name(),
                    0,
                    Problem.METADATA_LIMIT,
                    metadata + " metadata fields; Personalize needs 1 to " + MAX_USER_METADATA + " in users");
        }
    }

    /** The rules on an interactions dataset's counts, shared with the checks run in the warehouse. */
    static void countChecks(String name, RecipeTable.InteractionStats stats, long metadata, ProblemLog log) {
        if (stats.rows() < MIN_INTERACTIONS) {
            log.error(
                    name,
                    0,
                    Problem.MIN_INTERACTIONS,
                    String.format(
                            Locale.ROOT,
                            "%,d interactions; Personalize needs at least %,d",
                            stats.rows(),
                            MIN_INTERACTIONS));
        }
        if (stats.usersWithTwoOrMore() < MIN_USERS_WITH_TWO) {
            log.error(
                    name,
                    0,
                    Problem.MIN_USERS,
                    String.format(
                            Locale.ROOT,
                            "%,d users with 2 or more interactions; Personalize needs at least %d",
                            stats.usersWithTwoOrMore(),
                            MIN_USERS_WITH_TWO));
        }
        int eventTypes = stats.eventTypes().size();
        if (metadata + eventTypes > MAX_INTERACTION_METADATA_AND_EVENT_TYPES) {
            log.error(
                    name,
                    0,
                    Problem.METADATA_LIMIT,
                    eventTypes + " event types; Personalize allows " + MAX_INTERACTION_METADATA_AND_EVENT_TYPES
                            + " metadata fields and event types together");
        }
    }

    private static List<Target> targets(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DatasetException.badInput(
                    dir + ": no such folder (give the --out folder of a build, or one dataset folder in it)");
        }
        List<Path> folders = new ArrayList<>();
        if (Files.exists(dir.resolve(TrainingDataset.SCHEMA_FILE))
                || Files.exists(dir.resolve(TrainingDataset.CSV_FILE))) {
            folders.add(dir);
        } else {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory)
                        .filter(p -> Files.exists(p.resolve(TrainingDataset.SCHEMA_FILE))
                                || Files.exists(p.resolve(TrainingDataset.CSV_FILE)))
                        .sorted()
                        .forEach(folders::add);
            } catch (IOException e) {
                throw DatasetException.badInput(dir + ": cannot list the folder: " + e.getMessage());
            }
        }
        if (folders.isEmpty()) {
            throw DatasetException.badInput(dir + " holds no dataset folders (each has " + TrainingDataset.SCHEMA_FILE
                    + " and " + TrainingDataset.CSV_FILE + ")");
        }
        List<Target> targets = new ArrayList<>();
        for (Path folder : folders) {
            String name = folder.toAbsolutePath().normalize().getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            Role role = lower.endsWith("_users")
                    ? Role.USERS
                    : lower.endsWith("_items")
                            ? Role.ITEMS
                            : lower.endsWith("_interactions") ? Role.INTERACTIONS : null;
            if (role == null) {
                throw DatasetException.badInput(
                        folder + ": cannot tell the dataset type; name the folder ..._interactions, "
                                + "..._users or ..._items, as papi does");
            }
            Domain domain = lower.contains("ecommerce") ? Domain.ECOMMERCE : Domain.VIDEO_ON_DEMAND;
            targets.add(new Target(folder, name, role, domain));
        }
        return targets;
    }
}
