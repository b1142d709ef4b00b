package io.papi.recommender;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a loader made of one source.
 *
 * @param source             file or table name
 * @param rows               data rows read (header and blank lines not counted)
 * @param accepted           rows used
 * @param bad                rows skipped as bad ({@code rows - accepted})
 * @param badRows            the first {@value #SAMPLE_LIMIT} bad rows with their line numbers
 * @param duplicatesReplaced ratings dropped because a later row rated the same user and item again
 */
public record LoadReport(
        String source, long rows, long accepted, long bad, List<BadRow> badRows, long duplicatesReplaced) {

    /** How many bad rows a report keeps in full; all are counted. */
    public static final int SAMPLE_LIMIT = 100;

    public LoadReport {
        badRows = List.copyOf(badRows);
    }

    public boolean clean() {
        return bad == 0;
    }

    /** One line: {@code u.data: 100000 rows, 99998 accepted, 2 bad (first: u.data:17: ...)}. */
    public String summary() {
        StringBuilder s = new StringBuilder()
                .append(source)
                .append(": ")
                .append(rows)
                .append(" rows, ")
                .append(accepted)
                .append(" accepted");
        if (bad > 0) {
            s.append(", ")
                    .append(bad)
                    .append(" bad (first: ")
                    .append(badRows.get(0).describe())
                    .append(')');
        }
        if (duplicatesReplaced > 0) {
            s.append(", ").append(duplicatesReplaced).append(" duplicate ratings replaced by later rows");
        }
        return s.toString();
    }

    /** Every kept bad row, one per line. */
    public String details() {
        return badRows.stream().map(BadRow::describe).collect(Collectors.joining("\n"));
    }
}
