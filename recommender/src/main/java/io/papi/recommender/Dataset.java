package io.papi.recommender;

import java.util.List;

/**
 * Ratings and titles as loaded, with one report per source read.
 */
public record Dataset(Ratings ratings, Titles titles, List<LoadReport> reports) {

    public Dataset {
        reports = List.copyOf(reports);
    }

    /** True when no source had a bad row. */
    public boolean clean() {
        return reports.stream().allMatch(LoadReport::clean);
    }
}
