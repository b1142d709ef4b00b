package io.papi.datasets.validate;

import io.papi.datasets.Problem;
import io.papi.datasets.TrainingDataset.Role;
import io.papi.datasets.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a dataset's CSV rows, checking each value against Personalize's import rules and counting what the
 * interactions minimums and the recipe table need.
 */
public final class RowChecks {
    public static final int MAX_ID_LENGTH = 256;
    public static final int MAX_CATEGORICAL_LENGTH = 1000;
    /** Epoch seconds stay below 1e11 until the year 5138; epoch milliseconds of any date after 1973 are above. */
    public static final long MILLISECONDS_ABOVE = 100_000_000_000L;

    private static final int FIRST_ROWS_SHOWN = 3;

    private final String dataset;
    private final Role role;
    private final List<SchemaFile.SchemaField> fields;
    private final Set<String> required;
    private final ProblemLog log;

    private long rows;
    private final Map<String, Integer> perUser = new HashMap<>();
    private final Map<String, Long> eventTypes = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private long duplicates;
    private final List<Long> firstDuplicates = new ArrayList<>();
    private final long[] empties;
    private final List<List<Long>> firstEmpty = new ArrayList<>();

    /** @param required the fields Personalize requires of this dataset type (an empty value there is called so) */
    public RowChecks(
            String dataset, Role role, List<SchemaFile.SchemaField> fields, Set<String> required, ProblemLog log) {
        this.dataset = dataset;
        this.role = role;
        this.fields = fields;
        this.required = Set.copyOf(required);
        this.log = log;
        this.empties = new long[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            firstEmpty.add(new ArrayList<>());
        }
    }

    /** Reads every row after the header. */
    public void run(Path csv) throws IOException {
        int userColumn = indexOf("USER_ID");
        int itemColumn = indexOf("ITEM_ID");
        int eventColumn = indexOf("EVENT_TYPE");
        int idColumn = role == Role.USERS ? userColumn : role == Role.ITEMS ? itemColumn : -1;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CsvReader in = new CsvReader(reader)) {
            in.next();
            for (List<String> record = in.next(); record != null; record = in.next()) {
                long row = ++rows;
                if (record.size() != fields.size()) {
                    log.error(
                            dataset,
                            row,
                            Problem.SCHEMA,
                            "the row has " + record.size() + " fields, the header " + fields.size());
                    continue;
                }
                for (int i = 0; i < record.size(); i++) {
                    check(row, fields.get(i), i, record.get(i));
                }
                if (role == Role.INTERACTIONS) {
                    if (userColumn >= 0) {
                        perUser.merge(record.get(userColumn), 1, Integer::sum);
                    }
                    if (eventColumn >= 0) {
                        eventTypes.merge(record.get(eventColumn), 1L, Long::sum);
                    }
                } else if (idColumn >= 0 && !ids.add(record.get(idColumn))) {
                    duplicates++;
                    if (firstDuplicates.size() < FIRST_ROWS_SHOWN) {
                        firstDuplicates.add(row);
                    }
                }
            }
        }
        reportAggregates(idColumn);
    }

    private void check(long row, SchemaFile.SchemaField field, int column, String value) {
        String name = field.name();
        if (value.isEmpty()) {
            empties[column]++;
            if (firstEmpty.get(column).size() < FIRST_ROWS_SHOWN) {
                firstEmpty.get(column).add(row);
            }
            return;
        }
        if ((name.equals("USER_ID") || name.equals("ITEM_ID")) && value.length() > MAX_ID_LENGTH) {
            log.error(
                    dataset,
                    row,
                    Problem.ID_LENGTH,
                    name + " is " + value.length() + " characters, over Personalize's " + MAX_ID_LENGTH);
        }
        if (field.categorical() && value.length() > MAX_CATEGORICAL_LENGTH) {
            log.error(
                    dataset,
                    row,
                    Problem.CATEGORICAL_LENGTH,
                    name + " is " + value.length() + " characters, over Personalize's " + MAX_CATEGORICAL_LENGTH
                            + " for a categorical value");
        }
        if ("long".equals(field.type()) || "int".equals(field.type())) {
            checkWhole(row, name, value);
        } else if ("float".equals(field.type()) || "double".equals(field.type())) {
            try {
                Double.parseDouble(value);
            } catch (NumberFormatException e) {
                log.error(dataset, row, Problem.BAD_VALUE, name + " '" + value + "' is not a number");
            }
        }
    }

    private void checkWhole(long row, String name, String value) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            log.error(dataset, row, Problem.BAD_VALUE, name + " '" + value + "' is not a whole number");
            return;
        }
        if (name.endsWith("TIMESTAMP") && Math.abs(number) >= MILLISECONDS_ABOVE) {
            log.error(
                    dataset,
                    row,
                    Problem.MILLISECONDS,
                    name + " " + value + " looks like epoch milliseconds; Personalize takes epoch seconds");
        }
    }

    private void reportAggregates(int idColumn) {
        for (int i = 0; i < fields.size(); i++) {
            if (empties[i] > 0) {
                SchemaFile.SchemaField field = fields.get(i);
                String kind = required.contains(field.name()) ? "required" : "optional";
                log.warning(
                        dataset,
                        firstEmpty.get(i).get(0),
                        Problem.EMPTY_VALUE,
                        String.format(
                                Locale.ROOT,
                                "%,d empty %s in %s field %s (first rows %s); Personalize may refuse such rows on import",
                                empties[i],
                                empties[i] == 1 ? "value" : "values",
                                kind,
                                field.name(),
                                firstEmpty.get(i)));
            }
        }
        if (duplicates > 0) {
            log.warning(
                    dataset,
                    firstDuplicates.get(0),
                    Problem.DUPLICATE_ID,
                    String.format(
                            Locale.ROOT,
                            "%,d rows repeat the %s of an earlier row (first rows %s); --dedupe builds one row per id",
                            duplicates,
                            fields.get(idColumn).name(),
                            firstDuplicates));
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Fields that are not among {@code reserved}. */
    public long metadataFields(Set<String> reserved) {
        return fields.stream().filter(f -> !reserved.contains(f.name())).count();
    }

    public long rows() {
        return rows;
    }

    public long usersWithTwoOrMore() {
        return perUser.values().stream().filter(n -> n >= 2).count();
    }

    public Map<String, Long> eventTypes() {
        return eventTypes;
    }
}
