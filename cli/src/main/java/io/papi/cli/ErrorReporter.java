package io.papi.cli;

import io.papi.broker.KeyFileException;
import io.papi.broker.TokenExchangeException;
import io.papi.cli.command.PapiCommand;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: 1 when the operation failed, 2 when the
 * command was called wrongly. A stack trace is printed only with {@code --stacktrace}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final PapiCommand root;

    ErrorReporter(PapiCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("papi: " + messageOf(ex));
        if (root.stacktrace()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(ex);
    }

    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("papi: " + ex.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof PapiException papi) {
            return papi.exitCode();
        }
        if (ex instanceof KeyFileException
                || ex instanceof IllegalArgumentException
                || ex instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILURE;
    }

    private static String messageOf(Throwable ex) {
        if (ex instanceof PapiException
                || ex instanceof KeyFileException
                || ex instanceof TokenExchangeException
                || ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException) {
            return oneLine(ex.getMessage());
        }
        if (ex instanceof UncheckedIOException unchecked) {
            return oneLine(unchecked.getCause().getMessage());
        }
        if (ex instanceof java.io.IOException) {
            return oneLine(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        return "internal error (" + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
                + "); run again with --stacktrace and report it";
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
