package io.papi.cli;

/** papi's exit codes, as documented in the README and in {@code papi --help}. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed: a network error, a rejected token, a store that is down. */
    public static final int FAILURE = 1;
    /** The command was called wrongly: an unknown flag, a missing setting, a file that is not what it should be. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
