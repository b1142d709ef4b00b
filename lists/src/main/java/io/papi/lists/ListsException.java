package io.papi.lists;

/** A failure computing or publishing lists; {@link #badInput()} tells the CLI to exit 2 rather than 1. */
public final class ListsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    private ListsException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    public static ListsException badInput(String message) {
        return new ListsException(message, true, null);
    }

    public static ListsException failure(String message, Throwable cause) {
        return new ListsException(message, false, cause);
    }

    public boolean badInput() {
        return badInput;
    }
}
