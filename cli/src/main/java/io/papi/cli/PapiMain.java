package io.papi.cli;

import io.papi.cli.command.OneShotRun;
import java.io.PrintWriter;
import java.util.OptionalInt;

/**
 * papi's entry point. No method here names a picocli type: the java launcher looks up {@code main} by reflection,
 * which loads every type in this class's method signatures, and {@link OneShotRun}'s commands must not pay for
 * picocli's classes.
 */
public final class PapiMain {
    private PapiMain() {}

    /** Commands that keep running: their operations are worth a log line each. */
    private static final java.util.Set<String> SERVERS = java.util.Set.of("serve", "local", "broker", "quickstart");

    public static void main(String[] args) {
        // H2's AUTO_SERVER listens on every interface unless told otherwise, and reads this only once per JVM.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        if (args.length > 0
                && SERVERS.contains(args[0])
                && System.getProperty("org.slf4j.simpleLogger.log.io.papi") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.papi", "info");
        }
        Environment environment = Environment.system();
        OptionalInt direct =
                OneShotRun.tryRun(args, environment, new PrintWriter(System.out), new PrintWriter(System.err));
        int code = direct.isPresent()
                ? direct.getAsInt()
                : Papi.commandLine(environment, args.length > 0 ? args[0] : null)
                        .execute(args);
        System.exit(code);
    }
}
