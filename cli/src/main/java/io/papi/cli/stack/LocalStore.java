package io.papi.cli.stack;

import io.papi.cli.PapiException;
import io.papi.local.files.PrivateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Where the local account keeps its lookup table: one H2 database beside the user registry, guarded by a random
 * password kept in {@code store.password} (0600) in the same 0700 directory. AUTO_SERVER lets
 * {@code papi recommend --publish} write while {@code papi serve} reads, from two processes; its lock file names
 * the port and a key, so the password is what keeps another local user out of the database.
 */
public final class LocalStore {
    public static final String DEFAULT_TABLE = "MOVIE_RECOMMENDATIONS_HYBRID";
    static final String USER = "PAPI";
    static final String PASSWORD_FILE = "store.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalStore() {
    }

    /**
     * The JDBC URL of the embedded store, credentials included: treat it as a secret and never print it (print
     * {@link #describe(Path)} instead). Creates the directory (0700) and the password file when missing; a store made
     * by an older papi with an empty password gets the new password on the way.
     *
     * @throws PapiException (usage) for a directory whose path holds a {@code ;}, which H2 would read as a setting
     */
    public static String jdbcUrl(Path localDir) {
        Path dir = localDir.toAbsolutePath();
        if (dir.toString().indexOf(';') >= 0) {
            throw PapiException.usage("local directory " + dir + " contains ';', which the embedded store would read as a "
                    + "setting: choose a directory without ';' (--local-dir, PAPI_LOCAL_DIR or PAPI_HOME)");
        }
        String base = "jdbc:h2:file:" + dir.resolve("store") + ";AUTO_SERVER=TRUE";
        try {
            PrivateFile.createOwnerOnlyDirectory(dir);
            return base + ";USER=" + USER + ";PASSWORD=" + password(dir, base);
        } catch (IOException e) {
            throw PapiException.failure("cannot prepare the local store in " + dir + ": " + e.getMessage());
        }
    }

    /** How messages name the store: its file, no credentials. */
    public static String describe(Path localDir) {
        return "the local store " + localDir.toAbsolutePath().resolve("store.mv.db");
    }

    private static String password(Path dir, String base) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!password.matches("[0-9a-f]{64}")) {
                throw PapiException.failure(file + " is not a store password papi wrote (64 hex digits): restore it, or "
                        + "remove it together with store.mv.db to start an empty store");
            }
            return password;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        if (Files.exists(dir.resolve("store.mv.db"))) {
            secureOldStore(base, password);
        }
        // create, never replace: a second papi starting at the same moment must not swap the password under the first
        Path fresh = dir.resolve(PASSWORD_FILE + "." + HexFormat.of().formatHex(bytes, 0, 4) + ".new");
        PrivateFile.write(fresh, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createLink(file, fresh);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } finally {
            Files.deleteIfExists(fresh);
        }
        return password;
    }

    /** A store from before the password: its admin is the empty user with an empty password; hand it to PAPI. */
    private static void secureOldStore(String base, String password) {
        try (Connection c = new org.h2.Driver().connect(base, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + password + "' ADMIN");
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw PapiException.failure("cannot set a password on the existing local store " + base.split(";", 2)[0]
                    + " (stop papi serve and try again): " + firstLine(e.getMessage()));
        }
        try (Connection c = new org.h2.Driver().connect(base + ";USER=" + USER + ";PASSWORD=" + password, new Properties());
             Statement s = c.createStatement()) {
            s.execute("DROP USER IF EXISTS \"\"");
        } catch (SQLException e) {
            throw PapiException.failure("cannot remove the password-less user of the local store: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.split("\n", 2)[0];
    }
}
