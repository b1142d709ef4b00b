package io.papi.cli.command;

import io.papi.cli.snowflake.ServiceUserSql;
import io.papi.local.LocalAccount;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "drop", mixinStandardHelpOptions = true, description = "Drop the service user.")
final class UserDropCommand extends UserSubcommand {
    @Override
    List<String> statements() {
        return List.of(ServiceUserSql.drop(name));
    }

    @Override
    String applyLocally(LocalAccount account) {
        return account.users().drop(name)
                ? "dropped user " + name.toUpperCase(java.util.Locale.ROOT)
                : "no user " + name + " to drop";
    }
}
