package io.papi.datasets;

/**
 * One column of a training dataset, as Amazon Personalize's Avro schema declares it.
 *
 * @param name        the CSV header and schema field name (upper case, as the dbt package writes them on Snowflake)
 * @param type        the Avro type: {@code string}, {@code long}, {@code float} or {@code int}
 * @param nullable    true when the column can be empty, written {@code ["null", type]}
 * @param categorical true for string metadata Personalize splits on {@code |} (at most 1,000 characters a value)
 * @param textual     true for free text Personalize reads as unstructured text (item titles)
 */
public record Field(String name, String type, boolean nullable, boolean categorical, boolean textual) {

    public static Field required(String name, String type) {
        return new Field(name, type, false, false, false);
    }

    public static Field optional(String name, String type) {
        return new Field(name, type, true, false, false);
    }

    public static Field categorical(String name, boolean nullable) {
        return new Field(name, "string", nullable, true, false);
    }

    public static Field text(String name) {
        return new Field(name, "string", true, false, true);
    }
}
