package io.papi.api.ids;

/**
 * The ids in a request path are not acceptable; the message is one line for the caller (a 400 body) saying what
 * was wrong and what ids look like. It quotes at most a short, escaped part of the input.
 */
public final class InvalidIdsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidIdsException(String message) {
        // no stack trace: this is the caller's mistake, answered on the hot path
        super(message, null, false, false);
    }
}
