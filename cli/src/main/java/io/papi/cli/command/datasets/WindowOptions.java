package io.papi.cli.command.datasets;

import io.papi.datasets.DateWindow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * The dbt package's date window variables. Without any flag, the package's defaults (2025-01-01 to 2025-01-31).
 * With {@code --as-of} or {@code --look-back-days}, a missing start is {@code as-of - look-back-days} and a missing
 * end is {@code as-of - 1}, as dbt works them out from "today"; papi takes today in UTC, not the session's time zone.
 */
public final class WindowOptions {
    @Option(
            names = "--start-date",
            paramLabel = "YYYY-MM-DD",
            description =
                    "First day kept, inclusive, UTC (default 2025-01-01, the package's; or as-of minus --look-back-days)")
    LocalDate startDate;

    @Option(
            names = "--end-date",
            paramLabel = "YYYY-MM-DD",
            description =
                    "Last day kept, inclusive, UTC (default 2025-01-31, the package's; or the day before --as-of)")
    LocalDate endDate;

    @Option(
            names = "--look-back-days",
            paramLabel = "N",
            description = "Days before --as-of when --start-date is not given (the package's default: 31)")
    Integer lookBackDays;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "The day counted back from (default today, UTC; dbt uses the session's current_date)")
    LocalDate asOf;

    public DateWindow window() {
        if (lookBackDays == null && asOf == null) {
            return new DateWindow(
                    startDate != null ? startDate : DateWindow.PACKAGE_DEFAULT.start(),
                    endDate != null ? endDate : DateWindow.PACKAGE_DEFAULT.end());
        }
        return DateWindow.resolve(
                startDate,
                endDate,
                lookBackDays != null ? lookBackDays : DateWindow.DEFAULT_LOOK_BACK_DAYS,
                asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
    }
}
