package io.papi.recommender;

/**
 * One row a loader could not use.
 *
 * @param source  file name or table name the row came from
 * @param line    1-based line number in a file, or 1-based row number of a query result
 * @param problem what was wrong, in one line, for example {@code RATING '6' is out of range 1 to 5}
 */
public record BadRow(String source, long line, String problem) {

    /** Compiler-style location and problem: {@code u.data:17: RATING '6' is out of range 1 to 5}. */
    public String describe() {
        return source + ":" + line + ": " + problem;
    }
}
