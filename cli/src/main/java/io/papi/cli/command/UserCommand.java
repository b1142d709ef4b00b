package io.papi.cli.command;

import picocli.CommandLine.Command;

/** {@code papi user}: the key-pair service user, in Snowflake or in the local account. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = {
            "Create, rotate, describe or drop the key-pair service user.",
            "Runs the statements over JDBC with your own connection (-c, or --account/--admin-user/--private-key),",
            "prints them only with --print-sql, or applies them to the local account with --local."
        },
        subcommands = {
            UserCreateCommand.class,
            UserRotateCommand.class,
            UserDescribeCommand.class,
            UserDropCommand.class
        })
public final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "say which: create, rotate, describe or drop");
    }
}
