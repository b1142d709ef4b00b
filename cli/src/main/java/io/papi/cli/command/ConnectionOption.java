package io.papi.cli.command;

import io.papi.cli.Environment;
import io.papi.cli.config.Settings;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code -c/--connection}: the Snowflake connection a command's settings come from. Declared once for every command
 * that reaches Snowflake; what a command uses the connection for is said by its own description and options.
 */
public final class ConnectionOption {
    @Option(
            names = {"-c", "--connection"},
            paramLabel = "NAME",
            description =
                    "Named Snowflake connection in connections.toml / config.toml (env SNOWFLAKE_DEFAULT_CONNECTION_NAME)")
    String name;

    /** The settings of this connection: {@code -c}, else the environment's, else the default connection. */
    public Settings settings(Environment environment, Consumer<String> warnings) {
        return new Settings(environment, name, warnings);
    }

    /** Whether {@code -c} was given on the command line. */
    public boolean given() {
        return name != null;
    }
}
