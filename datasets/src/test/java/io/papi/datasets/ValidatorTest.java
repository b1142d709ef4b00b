package io.papi.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One message per rule, each on a dataset folder written by hand. */
class ValidatorTest {
    static final String INTERACTIONS = TrainingDataset.ECOMMERCE_INTERACTIONS.folder();
    static final String USERS = TrainingDataset.ECOMMERCE_USERS.folder();
    static final String ITEMS = TrainingDataset.ECOMMERCE_ITEMS.folder();

    @TempDir
    Path dir;

    private Path folder(String name, String schema, String header, List<String> rows) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve(TrainingDataset.SCHEMA_FILE), schema);
        Files.writeString(
                folder.resolve(TrainingDataset.CSV_FILE),
                header + "\n" + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n"));
        return folder;
    }

    private Path folder(TrainingDataset dataset, List<String> rows) throws IOException {
        return folder(dataset.folder(), SchemaJson.of(dataset), String.join(",", dataset.header()), rows);
    }

    /** {@code users} users with {@code each} View interactions, one second apart. */
    private static List<String> views(int users, int each) {
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < each; i++) {
                rows.add("user-" + u + ",item-" + i + "," + (1_736_000_000L + u * 1000L + i) + ",View");
            }
        }
        return rows;
    }

    /** The validation, not strict, of an e-commerce interactions folder holding {@code rows}. */
    private ValidationReport validateInteractions(List<String> rows) throws IOException {
        return Validator.validate(folder(TrainingDataset.ECOMMERCE_INTERACTIONS, rows), false);
    }

    /**
     * The validation of {@code views(30, 40)}, a folder that passes, with each row {@code i} (from 0) for which
     * {@code replaced} gives a row replaced by that row.
     */
    private ValidationReport validateViewsWith(IntFunction<String> replaced) throws IOException {
        List<String> rows = views(30, 40);
        for (int i = 0; i < rows.size(); i++) {
            String row = replaced.apply(i);
            if (row != null) {
                rows.set(i, row);
            }
        }
        return validateInteractions(rows);
    }

    /** The validation of {@code views(30, 40)} under the CSV header {@code header}, with the usual schema. */
    private ValidationReport validateViewsUnder(String header) throws IOException {
        return Validator.validate(
                folder(INTERACTIONS, SchemaJson.of(TrainingDataset.ECOMMERCE_INTERACTIONS), header, views(30, 40)),
                false);
    }

    private static List<Problem> withRule(ValidationReport report, String rule) {
        return report.problems().stream().filter(p -> p.rule().equals(rule)).toList();
    }

    @Test
    void aDatasetThatMeetsTheMinimumsPassesAndItsUntrainableRecipesAreRowsNotErrors() throws IOException {
        Path folder = folder(TrainingDataset.ECOMMERCE_INTERACTIONS, views(30, 40));
        ValidationReport report = Validator.validate(folder, false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.recipes())
                .filteredOn(r -> r.recipe().equals("aws-ecomm-popular-items-by-views"))
                .singleElement()
                .satisfies(r -> assertThat(r.trainable()).isTrue());
        assertThat(report.recipes())
                .filteredOn(r -> r.recipe().equals("aws-ecomm-popular-items-by-purchases"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.trainable()).isFalse();
                    assertThat(r.needs()).isEqualTo("1,000 Purchase");
                    assertThat(r.has()).isZero();
                });
    }

    @Test
    void fewerThanAThousandInteractionsIsAnError() throws IOException {
        ValidationReport report = validateInteractions(views(30, 33));
        assertThat(withRule(report, Problem.MIN_INTERACTIONS))
                .singleElement()
                .hasToString(INTERACTIONS
                        + ": error: 990 interactions; Personalize needs at least 1,000 [min-interactions]");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void fewerThanTwentyFiveUsersWithTwoInteractionsIsAnError() throws IOException {
        List<String> rows = views(24, 50);
        rows.add("loner,item-1,1736000000,View");
        ValidationReport report = validateInteractions(rows);
        assertThat(withRule(report, Problem.MIN_USERS))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("24 users with 2 or more interactions; Personalize needs at least 25");
        assertThat(withRule(report, Problem.MIN_INTERACTIONS)).isEmpty();
    }

    @Test
    void anIdOverTwoHundredFiftySixCharactersIsAnErrorOnItsRow() throws IOException {
        ValidationReport report = validateViewsWith(i -> i == 2 ? "x".repeat(257) + ",item-1,1736000000,View" : null);
        assertThat(withRule(report, Problem.ID_LENGTH))
                .singleElement()
                .hasToString(
                        INTERACTIONS + ": row 3: error: USER_ID is 257 characters, over Personalize's 256 [id-length]");
    }

    @Test
    void aTimestampInMillisecondsIsAnError() throws IOException {
        ValidationReport report = validateViewsWith(i -> i == 0 ? "user-0,item-0,1736000000000,View" : null);
        assertThat(withRule(report, Problem.MILLISECONDS)).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.message()).contains("looks like epoch milliseconds");
        });
    }

    @Test
    void aSchemaAndHeaderInDifferentOrdersIsAnError() throws IOException {
        ValidationReport report = validateViewsUnder("ITEM_ID,USER_ID,TIMESTAMP,EVENT_TYPE");
        assertThat(withRule(report, Problem.FIELD_ORDER))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("are in different orders");
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeIsAnError() throws IOException {
        String schema =
                "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
                        + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"CATEGORY_L1\",\"type\":\"long\"}],\"version\":\"1.0\"}";
        ValidationReport report =
                Validator.validate(folder(ITEMS, schema, "ITEM_ID,CATEGORY_L1", List.of("p1,3")), false);
        assertThat(withRule(report, Problem.REQUIRED_FIELD))
                .extracting(Problem::message)
                .containsExactly(
                        "required field PRICE (float) is missing",
                        "field CATEGORY_L1 must be of type string, not long");
    }

    @Test
    void aCategoricalValueOverAThousandCharactersIsAnError() throws IOException {
        ValidationReport report = Validator.validate(
                folder(TrainingDataset.ECOMMERCE_ITEMS, List.of("p1,1.5,A|B", "p2,2.5," + "c".repeat(1001))), false);
        assertThat(withRule(report, Problem.CATEGORICAL_LENGTH)).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.message()).contains("CATEGORY_L1 is 1001 characters");
        });
    }

    @Test
    void metadataFieldLimitsAreErrors() throws IOException {
        String users =
                "{\"type\":\"record\",\"name\":\"Users\",\"fields\":[{\"name\":\"USER_ID\",\"type\":\"string\"}],\"version\":\"1.0\"}";
        assertThat(withRule(
                        Validator.validate(folder(USERS, users, "USER_ID", List.of("u1")), false),
                        Problem.METADATA_LIMIT))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("0 metadata fields; Personalize needs 1 to 25 in users");

        StringBuilder fields = new StringBuilder(
                "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
                        + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"}");
        StringBuilder header = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP");
        for (int i = 1; i <= 6; i++) {
            fields.append(",{\"name\":\"M").append(i).append("\",\"type\":\"string\",\"categorical\":true}");
            header.append(",M").append(i);
        }
        String schema =
                "{\"type\":\"record\",\"name\":\"Interactions\",\"fields\":[" + fields + "],\"version\":\"1.0\"}";
        ValidationReport report = Validator.validate(
                folder(INTERACTIONS, schema, header.toString(), List.of("u,i,1736000000,a,b,c,d,e,f")), false);
        assertThat(withRule(report, Problem.METADATA_LIMIT))
                .extracting(Problem::message)
                .contains("6 metadata fields; Personalize allows 5 in interactions");
    }

    @Test
    void moreThanTenMetadataFieldsAndEventTypesTogetherIsAnError() throws IOException {
        ValidationReport report = validateViewsWith(i -> i < 11 ? "user-0,item-" + i + ",1736000000,Type" + i : null);
        assertThat(withRule(report, Problem.METADATA_LIMIT))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("12 event types; Personalize allows 10 metadata fields and event types together");
    }

    @Test
    void aValueOfTheWrongTypeOrARowOfTheWrongWidthIsAnError() throws IOException {
        ValidationReport report = validateViewsWith(i -> switch (i) {
            case 4 -> "user-0,item-0,yesterday,View";
            case 5 -> "user-0,item-0,1736000000";
            default -> null;
        });
        assertThat(withRule(report, Problem.BAD_VALUE))
                .singleElement()
                .hasToString(INTERACTIONS + ": row 5: error: TIMESTAMP 'yesterday' is not a whole number [bad-value]");
        assertThat(withRule(report, Problem.SCHEMA))
                .singleElement()
                .hasToString(INTERACTIONS + ": row 6: error: the row has 3 fields, the header 4 [schema]");
    }

    @Test
    void aByteOrderMarkIsAnError() throws IOException {
        assertThat(withRule(validateViewsUnder("\uFEFFUSER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE"), Problem.SCHEMA))
                .extracting(Problem::message)
                .contains("personalize-dataset.csv starts with a byte-order mark; Personalize takes UTF-8 without one");
    }

    @Test
    void onlyTheFirstFiveRowsOfARuleAreListedAndTheRestCounted() throws IOException {
        ValidationReport report = validateViewsWith(i -> i < 8 ? "user-0,item-0,1736000000000,View" : null);
        assertThat(withRule(report, Problem.MILLISECONDS))
                .hasSize(6)
                .last()
                .extracting(Problem::message)
                .isEqualTo("more rows break this rule; only the first 5 are listed");
        assertThat(report.suppressed()).isEqualTo(3);
    }

    @Test
    void duplicateIdsAreWarningsThatStrictTurnsIntoErrors() throws IOException {
        Path folder = folder(TrainingDataset.ECOMMERCE_USERS, List.of("u1,True", "u2,False", "u1,False"));
        ValidationReport report = Validator.validate(folder, false);
        assertThat(withRule(report, Problem.DUPLICATE_ID))
                .singleElement()
                .hasToString(USERS + ": row 3: warning: 1 rows repeat the USER_ID of an earlier row (first rows [3]); "
                        + "--dedupe builds one row per id [duplicate-id]");
        assertThat(report.passed()).isTrue();
        ValidationReport strict = Validator.validate(folder, true);
        assertThat(withRule(strict, Problem.DUPLICATE_ID))
                .singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR));
        assertThat(strict.passed()).isFalse();
    }

    @Test
    void emptyValuesAreWarnedWithTheirCountAndFirstRows() throws IOException {
        Path folder = folder(TrainingDataset.ECOMMERCE_ITEMS, List.of("p1,,A", "p2,2.0,B", "p3,,", "p4,,C"));
        ValidationReport report = Validator.validate(folder, false);
        assertThat(withRule(report, Problem.EMPTY_VALUE))
                .extracting(Problem::message)
                .containsExactly(
                        "3 empty values in required field PRICE (first rows [1, 3, 4]); Personalize may refuse such rows on import",
                        "1 empty value in required field CATEGORY_L1 (first rows [3]); Personalize may refuse such rows on import");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aFolderWithoutDatasetsIsBadInput() {
        assertThatThrownBy(() -> Validator.validate(dir, false))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("holds no dataset folders");
    }
}
