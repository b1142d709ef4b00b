package io.papi.datasets;

/**
 * A build, validation or read-back of datasets that cannot go on, with a one-line message that says what was wrong and how to fix it.
 * {@link #badInput()} tells the caller's fault (a missing column, an empty window) from a failure of the run.
 */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    private DatasetException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    public static DatasetException badInput(String message) {
        return new DatasetException(message, true, null);
    }

    public static DatasetException failure(String message, Throwable cause) {
        return new DatasetException(message, false, cause);
    }

    public boolean badInput() {
        return badInput;
    }
}
