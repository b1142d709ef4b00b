package io.papi.cli.status;

import io.papi.local.LocalAccount;
import io.papi.local.LocalUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the local account on disk, if there is one, without creating it. */
public final class LocalAccountProbe {
    private LocalAccountProbe() {}

    public static LocalAccountReport probe(Path directory) {
        String dir = directory.toString();
        if (!Files.isDirectory(directory)) {
            return new LocalAccountReport(
                    dir, Health.ABSENT, "no local account (papi quickstart makes one)", null, List.of());
        }
        try (LocalAccount account = LocalAccount.open(directory)) {
            List<LocalAccountReport.User> users =
                    account.users().list().stream().map(LocalAccountProbe::user).toList();
            return new LocalAccountReport(dir, Health.OK, null, account.name(), users);
        } catch (IOException | RuntimeException e) {
            return new LocalAccountReport(dir, Health.UNHEALTHY, "cannot read it: " + e.getMessage(), null, List.of());
        }
    }

    private static LocalAccountReport.User user(LocalUser user) {
        return new LocalAccountReport.User(
                user.name(), user.defaultRole(), user.rsaPublicKeyFp(), user.rsaPublicKey2Fp());
    }
}
