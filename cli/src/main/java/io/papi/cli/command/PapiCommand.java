package io.papi.cli.command;

import io.papi.cli.Environment;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code papi}. */
@Command(
        name = "papi",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time recommendations out of Snowflake, and the credentials to reach them.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the command did what was asked",
            "  1  the command failed (network, rejected credentials, a store that is down)",
            "  2  the command was called wrongly (unknown flag, missing setting, unusable file)",
            "",
            "Settings come from flags, then environment variables, then the Snowflake CLI connection",
            "(-c NAME in connections.toml / config.toml). See docs/configuration.md."
        })
public final class PapiCommand implements Runnable {
    /**
     * Every subcommand, in the order {@code papi --help} lists them. They are registered in code rather than in
     * the annotation so that a one-shot command builds only its own model: picocli reflects over every registered
     * command class (and so loads the types in their signatures), which cost ~0.3 s of each {@code papi jwt}.
     */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            KeygenCommand.class,
            FingerprintCommand.class,
            JwtCommand.class,
            TokenCommand.class,
            BrokerCommand.class,
            CallCommand.class,
            UserCommand.class,
            DoctorCommand.class,
            LocalCommand.class,
            ServeCommand.class,
            QuickstartCommand.class,
            RecommendCommand.class,
            DataCommand.class,
            io.papi.cli.command.datasets.DatasetsCommand.class,
            IdsCommand.class,
            StatusCommand.class,
            CompletionCommand.class);

    private final Environment environment;

    @Option(
            names = "--stacktrace",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error (for bug reports)")
    boolean stacktrace;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public PapiCommand(Environment environment) {
        this.environment = environment;
    }

    public Environment environment() {
        return environment;
    }

    public boolean stacktrace() {
        return stacktrace;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
