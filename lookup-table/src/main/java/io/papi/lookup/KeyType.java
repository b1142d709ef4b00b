package io.papi.lookup;

/**
 * The type of the lookup tables' {@code USER_ID} key in Snowflake, decided here for the writer and the reader alike:
 * {@code NUMBER(38,0)} for numeric ids, as the guide's tables have, and {@code VARCHAR(256)} where ids are not numbers
 * (papi's ids are at most 32 characters).
 *
 * <p>It matters because Snowflake compares a NUMBER column with text by converting the text: one id that is not a
 * number fails a whole {@code IN (...)} query with a conversion error. A reader therefore asks a NUMBER key only for
 * ids it {@link #holds}, and a writer whose ids are not all numbers creates VARCHAR keys ({@link #forIds}). The
 * embedded H2 store always keys on {@code VARCHAR(256)} (see {@link LookupDdl#h2}): it holds ids as text either way.
 */
public enum KeyType {
    /** The guide's key: ids that are decimal digits. */
    NUMBER("NUMBER(38,0)"),
    /** Ids with letters. */
    VARCHAR("VARCHAR(" + LookupTable.KEY_CHARS + ")");

    /** Longest decimal number a {@code NUMBER(38,0)} holds. */
    private static final int MAX_DIGITS = 38;

    private final String snowflakeType;

    KeyType(String snowflakeType) {
        this.snowflakeType = snowflakeType;
    }

    /** NUMBER for ids that are numbers, VARCHAR for ids that may hold letters. */
    public static KeyType forNumericIds(boolean numeric) {
        return numeric ? NUMBER : VARCHAR;
    }

    /** The key the ids a writer publishes need: NUMBER when every one is a number (none at all included), else VARCHAR. */
    public static KeyType forIds(Iterable<String> ids) {
        for (String id : ids) {
            if (!isNumber(id)) {
                return VARCHAR;
            }
        }
        return NUMBER;
    }

    /** The column type in Snowflake DDL. */
    public String snowflakeType() {
        return snowflakeType;
    }

    /** Whether a key of this type can hold {@code id}: any id for VARCHAR, only 1 to 38 decimal digits for NUMBER. */
    public boolean holds(String id) {
        return this == VARCHAR || isNumber(id);
    }

    /** 1 to 38 ASCII digits: what NUMBER(38,0) holds and what a numeric id is. */
    public static boolean isNumber(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
