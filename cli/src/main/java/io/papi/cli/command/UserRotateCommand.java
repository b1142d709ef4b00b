package io.papi.cli.command;

import io.papi.broker.PublicKeys;
import io.papi.cli.PapiException;
import io.papi.cli.snowflake.ServiceUserSql;
import io.papi.local.LocalAccount;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        description = {
            "Rotate the user's key without downtime (see docs/key-rotation.md).",
            "Step 1: rotate --public-key NEW.pub puts the new key into the free slot (RSA_PUBLIC_KEY_2 by default).",
            "Step 2, once every client uses the new key: rotate --finish retires the old slot (RSA_PUBLIC_KEY by default)."
        })
final class UserRotateCommand extends UserSubcommand {
    @Option(names = "--public-key", paramLabel = "FILE", description = "The new public key file")
    Path publicKey;

    @Option(names = "--finish", description = "Retire the old key's slot")
    boolean finish;

    @Option(
            names = "--slot",
            paramLabel = "1|2",
            description = "Slot to fill (default 2) or, with --finish, the old slot to retire (default 1)")
    Integer slot;

    private int slot() {
        int s = slot != null ? slot : finish ? 1 : 2;
        if (s != 1 && s != 2) {
            throw PapiException.usage("--slot must be 1 or 2, not " + s);
        }
        return s;
    }

    @Override
    List<String> statements() {
        if (finish) {
            if (publicKey != null) {
                throw PapiException.usage("--finish takes no --public-key: it only retires the old slot");
            }
            return List.of(ServiceUserSql.finishRotation(name, slot()));
        }
        return List.of(ServiceUserSql.rotate(
                name, slot(), PublicKeys.snowflakeValue(publicKey(publicKey, passphrase, localSettings()))));
    }

    @Override
    String applyLocally(LocalAccount account) {
        if (finish) {
            return account.users().unsetKey(name, slot()).toString();
        }
        return account.users()
                .setKey(name, slot(), publicKey(publicKey, passphrase, localSettings()))
                .toString();
    }
}
