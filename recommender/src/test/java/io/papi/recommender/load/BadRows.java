package io.papi.recommender.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.recommender.LoadReport;

/** What the loaders' tests check of a load report: how many rows were bad, and the line it gives for each. */
final class BadRows {
    private BadRows() {}

    /** {@code report} counts one bad row a line of {@code lines}, and lists them in that order. */
    static void assertListed(LoadReport report, String... lines) {
        assertThat(report.bad()).as("bad rows of %s", report.details()).isEqualTo(lines.length);
        assertThat(report.details()).isEqualTo(String.join("\n", lines));
    }
}
