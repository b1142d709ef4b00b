package io.papi.recommender;

import java.io.IOException;

/**
 * Input data that cannot be used: the first bad row in strict mode, or a file-level problem such as a missing
 * header column. The message is one line naming the file, the line and what was wrong.
 */
public final class BadDataException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient BadRow row;

    /** The first bad row met in strict mode. */
    public BadDataException(BadRow row) {
        super(row.describe()
                + " (strict mode stops at the first bad row: fix it, or load leniently to skip and count bad rows)");
        this.row = row;
    }

    /** A problem with the input as a whole. */
    public BadDataException(String message) {
        super(message);
        this.row = null;
    }

    /** The bad row, or null for a problem with the input as a whole. */
    public BadRow row() {
        return row;
    }
}
