package io.papi.cli;

/**
 * A failure to report to the user as one line, with the exit code the process ends with.
 * The message must say what was wrong and how to fix it, and must never carry a secret.
 */
public class PapiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public PapiException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PapiException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A failure of the operation itself (exit code 1). */
    public static PapiException failure(String message) {
        return new PapiException(ExitCode.FAILURE, message);
    }

    /** Wrong or missing input from the user (exit code 2). */
    public static PapiException usage(String message) {
        return new PapiException(ExitCode.USAGE, message);
    }

    /** {@link #usage} when the user's input was at fault ({@code badInput}), else {@link #failure}. */
    public static PapiException of(String message, boolean badInput) {
        return badInput ? usage(message) : failure(message);
    }

    public int exitCode() {
        return exitCode;
    }
}
