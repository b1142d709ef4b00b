package io.papi.recommender.load;

import io.papi.recommender.BadDataException;
import io.papi.recommender.BadRow;
import io.papi.recommender.LoadReport;
import java.util.ArrayList;
import java.util.List;

/** Counts rows of one source and keeps its first bad rows; in strict mode the first bad row ends the load. */
public final class BadRowCollector {

    private final String source;
    private final boolean strict;
    private final List<BadRow> sample = new ArrayList<>();
    private long rows;
    private long bad;

    public BadRowCollector(String source, boolean strict) {
        this.source = source;
        this.strict = strict;
    }

    public String source() {
        return source;
    }

    public void row() {
        rows++;
    }

    public void bad(long line, String problem) throws BadDataException {
        BadRow row = new BadRow(source, line, problem);
        if (strict) {
            throw new BadDataException(row);
        }
        bad++;
        if (sample.size() < LoadReport.SAMPLE_LIMIT) {
            sample.add(row);
        }
    }

    public LoadReport report(long duplicatesReplaced) {
        return new LoadReport(source, rows, rows - bad, bad, sample, duplicatesReplaced);
    }
}
