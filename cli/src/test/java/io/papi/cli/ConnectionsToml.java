package io.papi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Snowflake's connections.toml as a test writes it: owner-only, as papi expects (it warns otherwise). */
final class ConnectionsToml {
    /** One connection, {@code shop}, that logs in through the browser: enough for the scripted driver. */
    static final String SHOP =
            "[shop]\naccount = \"myorg-myacct\"\nuser = \"ANALYST\"\nauthenticator = \"externalbrowser\"\n";

    private ConnectionsToml() {}

    /** Writes {@code toml} to {@code home/.snowflake/connections.toml}, where papi looks without SNOWFLAKE_HOME. */
    static Path inHome(Path home, String toml) throws IOException {
        return write(home.resolve(".snowflake"), toml);
    }

    /** Writes {@code toml} to {@code dir/connections.toml}, creating {@code dir}. */
    static Path write(Path dir, String toml) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("connections.toml"), toml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
