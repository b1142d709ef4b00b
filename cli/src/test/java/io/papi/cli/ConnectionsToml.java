package io.papi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A test home's {@code ~/.snowflake/connections.toml}, owner-only as papi expects (it warns otherwise). */
final class ConnectionsToml {
    /** One connection, {@code shop}, that logs in through the browser: enough for the scripted driver. */
    static final String SHOP =
            "[shop]\naccount = \"myorg-myacct\"\nuser = \"ANALYST\"\nauthenticator = \"externalbrowser\"\n";

    private ConnectionsToml() {}

    /** Writes {@code toml} as {@code home}'s connections.toml, 0600. */
    static Path write(Path home, String toml) throws IOException {
        Path file = Files.createDirectories(home.resolve(".snowflake")).resolve("connections.toml");
        Files.writeString(file, toml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
