package io.papi.recommender;

import java.util.Objects;

/**
 * How loaders treat bad rows and whom they tell about progress.
 *
 * @param strict   stop at the first bad row with a {@link BadDataException} instead of skipping and counting it
 * @param progress told about the bytes (files) or rows (tables) read
 */
public record LoadOptions(boolean strict, ProgressListener progress) {

    public LoadOptions {
        Objects.requireNonNull(progress, "progress");
    }

    /** Lenient (bad rows are skipped, counted and reported), no progress. */
    public static LoadOptions defaults() {
        return new LoadOptions(false, ProgressListener.NONE);
    }

    /** Strict, no progress. */
    public static LoadOptions strictMode() {
        return new LoadOptions(true, ProgressListener.NONE);
    }

    public LoadOptions withStrict(boolean s) {
        return new LoadOptions(s, progress);
    }

    public LoadOptions withProgress(ProgressListener p) {
        return new LoadOptions(strict, p);
    }
}
