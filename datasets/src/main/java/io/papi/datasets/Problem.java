package io.papi.datasets;

/**
 * One thing wrong with a dataset, printed like a compiler's diagnostic:
 * {@code snowplow_recommendations_ecommerce_items: row 12: warning: ITEM_ID p1 appears again [duplicate-id]}.
 *
 * @param row 0 when the problem is not one row's (a schema, a count)
 */
public record Problem(Severity severity, String dataset, long row, String rule, String message) {
    public enum Severity {
        ERROR,
        WARNING
    }

    /** Rule names: stable, so that scripts and docs can refer to them. */
    public static final String SCHEMA = "schema";

    public static final String REQUIRED_FIELD = "required-field";
    public static final String FIELD_ORDER = "field-order";
    public static final String METADATA_LIMIT = "metadata-limit";
    public static final String MIN_INTERACTIONS = "min-interactions";
    public static final String MIN_USERS = "min-users";
    public static final String ID_LENGTH = "id-length";
    public static final String CATEGORICAL_LENGTH = "categorical-length";
    public static final String MILLISECONDS = "milliseconds";
    public static final String BAD_VALUE = "bad-value";
    public static final String DUPLICATE_ID = "duplicate-id";
    public static final String EMPTY_VALUE = "empty-value";

    public Problem asError() {
        return new Problem(Severity.ERROR, dataset, row, rule, message);
    }

    @Override
    public String toString() {
        return dataset + ": " + (row > 0 ? "row " + row + ": " : "")
                + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message + " [" + rule + "]";
    }
}
