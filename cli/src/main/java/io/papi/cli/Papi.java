package io.papi.cli;

import io.papi.cli.command.PapiCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code papi} command line. */
public final class Papi {
    private Papi() {
    }

    /** Commands that keep running: their operations are worth a log line each. */
    private static final java.util.Set<String> SERVERS = java.util.Set.of("serve", "local", "broker", "quickstart");

    public static void main(String[] args) {
        // H2's AUTO_SERVER listens on every interface unless told otherwise, and reads this only once per JVM.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        if (args.length > 0 && SERVERS.contains(args[0]) && System.getProperty("org.slf4j.simpleLogger.log.io.papi") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.papi", "info");
        }
        int code = commandLine(Environment.system(), args.length > 0 ? args[0] : null).execute(args);
        System.exit(code);
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
        cmd.setOut(new PrintWriter(System.out, true));
        cmd.setErr(new PrintWriter(System.err, true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new ErrorReporter(root));
        cmd.setParameterExceptionHandler(ErrorReporter::usageError);
        cmd.setExitCodeExceptionMapper(ErrorReporter::exitCodeOf);
        return cmd;
    }
}
