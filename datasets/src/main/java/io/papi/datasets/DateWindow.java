package io.papi.datasets;

import java.time.LocalDate;

/**
 * The dbt package's date window: rows whose timestamp falls on a UTC calendar date D with
 * {@code start <= D <= end}, both ends inclusive.
 */
public record DateWindow(LocalDate start, LocalDate end) {
    /** The package's defaults for {@code snowplow__start_date} and {@code snowplow__end_date}. */
    public static final DateWindow PACKAGE_DEFAULT =
            new DateWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
    /** The package's default {@code look_back_days}. */
    public static final int DEFAULT_LOOK_BACK_DAYS = 31;

    public DateWindow {
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("the date window starts (" + start + ") after it ends (" + end + ")");
        }
    }

    /**
     * The window as the package works it out: START is the start date, or {@code asOf - lookBackDays} when it is
     * absent; END is the end date, or {@code asOf - 1} when it is absent. dbt's "today" is the session's
     * current date; papi takes {@code asOf} explicitly and works in UTC.
     */
    public static DateWindow resolve(LocalDate start, LocalDate end, int lookBackDays, LocalDate asOf) {
        if (lookBackDays < 0) {
            throw new IllegalArgumentException("--look-back-days must be 0 or more, not " + lookBackDays);
        }
        return new DateWindow(
                start != null ? start : asOf.minusDays(lookBackDays), end != null ? end : asOf.minusDays(1));
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
