package io.papi.cli;

import io.papi.cli.command.DurationConverter;
import io.papi.cli.command.PapiCommand;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/** The {@code papi} command line. */
public final class Papi {
    private Papi() {}

    /** Runs papi: see {@link PapiMain}, the class the launchers start. */
    public static void main(String[] args) {
        PapiMain.main(args);
    }

    /**
     * The one place a {@link CommandLine} is built: {@code main} and every test use it, so that tests run the
     * real parser, the real error handling and the real exit codes.
     */
    public static CommandLine commandLine(Environment environment) {
        return commandLine(environment, null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: when that names a subcommand, only that
     * subcommand is registered (start-up of one-shot commands); otherwise, for help, completion and errors, all are.
     */
    public static CommandLine commandLine(Environment environment, String first) {
        PapiCommand root = new PapiCommand(environment);
        CommandLine cmd = new CommandLine(root);
        boolean registered = false;
        // completion describes the whole tree, so it needs every command registered
        if (first != null && !first.startsWith("-") && !first.equals("completion")) {
            for (Class<?> sub : PapiCommand.SUBCOMMANDS) {
                if (sub.getAnnotation(picocli.CommandLine.Command.class).name().equals(first)) {
                    cmd.addSubcommand(sub);
                    registered = true;
                }
            }
        }
        if (!registered) {
            PapiCommand.SUBCOMMANDS.forEach(cmd::addSubcommand);
        }
        // every Duration option, in every command and mixin, reads papi's one grammar
        cmd.registerConverter(Duration.class, new DurationConverter());
        DurationHelp.explain(cmd);
        cmd.setOut(new PrintWriter(System.out, true));
        cmd.setErr(new PrintWriter(System.err, true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new ErrorReporter(root));
        cmd.setParameterExceptionHandler(ErrorReporter::usageError);
        cmd.setExitCodeExceptionMapper(ErrorReporter::exitCodeOf);
        return cmd;
    }
}
