package io.papi.broker;

/**
 * A key file papi cannot use. The message is one line that names the file and what to do about it, fit to show
 * a user as it is; it never holds key material or a passphrase.
 */
public final class KeyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
