package io.papi.cli.command;

import io.papi.broker.PublicKeys;
import io.papi.cli.snowflake.ServiceUserSql;
import io.papi.local.LocalAccount;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create the service user with a public key, and grant its role.",
                "The user is TYPE = SERVICE."})
final class UserCreateCommand extends UserSubcommand {
    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "DATA_API_ROLE", description = "Default role, granted to the user (default: ${DEFAULT-VALUE})")
    String role;

    @Option(names = "--public-key", paramLabel = "FILE", description = "Public key file (or the private key, whose public half is used)")
    Path publicKey;

    @Override
    List<String> statements() {
        return ServiceUserSql.create(name, role, PublicKeys.snowflakeValue(publicKey(publicKey, passphrase, localSettings())));
    }

    @Override
    String applyLocally(LocalAccount account) {
        var change = account.users().create(name, role, publicKey(publicKey, passphrase, localSettings()));
        return change.toString();
    }
}
