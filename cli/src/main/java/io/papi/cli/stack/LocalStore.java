package io.papi.cli.stack;

import io.papi.cli.PapiException;
import io.papi.files.SecureFiles;
import io.papi.local.files.H2Password;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the local account keeps its lookup table: one H2 database beside the user registry, guarded by a random
 * password kept in {@code store.password} (0600) in the same 0700 directory ({@link H2Password}). AUTO_SERVER lets
 * {@code papi recommend --publish} write while {@code papi serve} reads, from two processes.
 */
public final class LocalStore {
    private LocalStore() {}

    /**
     * The JDBC URL of the embedded store, credentials included: treat it as a secret and never print it. Creates the
     * directory (0700) and the password file when missing; a store made by an older papi with an empty password gets
     * the password on the way.
     *
     * @throws PapiException (usage) for a directory whose path holds a {@code ;}, which H2 would read as a setting
     */
    public static String jdbcUrl(Path localDir) {
        Path dir = localDir.toAbsolutePath();
        if (dir.toString().indexOf(';') >= 0) {
            throw PapiException.usage(
                    "local directory " + dir + " contains ';', which the embedded store would read as a "
                            + "setting: choose a directory without ';' (--local-dir, PAPI_LOCAL_DIR or PAPI_HOME)");
        }
        Path base = dir.resolve("store");
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE";
        try {
            SecureFiles.createPrivateDirectories(dir);
            // an older papi opened the store with no user name at all
            return url + ";USER=" + H2Password.USER + ";PASSWORD=" + H2Password.forDatabase(base, url, "");
        } catch (IOException e) {
            throw PapiException.failure("cannot prepare the local store in " + dir + ": " + e.getMessage());
        }
    }
}
