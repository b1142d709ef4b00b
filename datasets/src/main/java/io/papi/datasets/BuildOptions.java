package io.papi.datasets;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What shapes a build: the dbt package's variables (window, category separator, valid-play threshold) and
 * papi's options beyond the package, both off by default.
 *
 * @param window             the inclusive UTC date window
 * @param categorySeparator  the separator between category levels in {@code product_category} (default {@code /})
 * @param validPlaySeconds   when set, a play is valid when {@code play_time_secs > validPlaySeconds}; when null the
 *                           input's {@code is_valid_play} is used as given
 * @param productViewsOnly   count only {@code product_view} as View, not list impressions
 * @param dedupe             one row per user (the non-guest row wins) and per item (the latest price wins)
 * @param formats            which files to write besides {@code schema.json}
 */
public record BuildOptions(
        DateWindow window,
        String categorySeparator,
        Integer validPlaySeconds,
        boolean productViewsOnly,
        boolean dedupe,
        Set<OutputFormat> formats) {
    public static final String DEFAULT_CATEGORY_SEPARATOR = "/";

    /** The files a dataset folder may hold. */
    public enum OutputFormat {
        CSV,
        PARQUET
    }

    public BuildOptions {
        Objects.requireNonNull(window, "window");
        if (categorySeparator == null || categorySeparator.isEmpty()) {
            throw new IllegalArgumentException("--category-separator must not be empty");
        }
        if (categorySeparator.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    "--category-separator cannot hold a backslash (Snowflake and DuckDB read one differently)");
        }
        if (validPlaySeconds != null && validPlaySeconds < 0) {
            throw new IllegalArgumentException("--valid-play-seconds must be 0 or more, not " + validPlaySeconds);
        }
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("--format must name csv, parquet or both");
        }
        formats = Set.copyOf(formats);
    }

    /** The package's defaults. */
    public static BuildOptions defaults() {
        return new BuildOptions(
                DateWindow.PACKAGE_DEFAULT,
                DEFAULT_CATEGORY_SEPARATOR,
                null,
                false,
                false,
                EnumSet.allOf(OutputFormat.class));
    }

    public BuildOptions withWindow(DateWindow value) {
        return new BuildOptions(value, categorySeparator, validPlaySeconds, productViewsOnly, dedupe, formats);
    }

    public BuildOptions withCategorySeparator(String value) {
        return new BuildOptions(window, value, validPlaySeconds, productViewsOnly, dedupe, formats);
    }

    public BuildOptions withValidPlaySeconds(Integer value) {
        return new BuildOptions(window, categorySeparator, value, productViewsOnly, dedupe, formats);
    }

    public BuildOptions withProductViewsOnly(boolean value) {
        return new BuildOptions(window, categorySeparator, validPlaySeconds, value, dedupe, formats);
    }

    public BuildOptions withDedupe(boolean value) {
        return new BuildOptions(window, categorySeparator, validPlaySeconds, productViewsOnly, value, formats);
    }

    public BuildOptions withFormats(Set<OutputFormat> value) {
        return new BuildOptions(window, categorySeparator, validPlaySeconds, productViewsOnly, dedupe, value);
    }
}
