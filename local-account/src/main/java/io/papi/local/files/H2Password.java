package io.papi.local.files;

import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The password of one of papi's embedded H2 databases, kept beside it in {@code <name>.password} (0600): 32 random
 * bytes as hex, made on first use. H2's AUTO_SERVER lets a second papi process in through a loopback port named in
 * the lock file; the password is what keeps another local user out even if they learn the port.
 *
 * <p>A database made by an older papi without a password gets one on the way: its password-less admin is replaced
 * by {@link #USER}. The file is created, never replaced, so two papi processes starting at once agree on it.
 */
public final class H2Password {
    /** The admin user of papi's H2 databases. */
    public static final String USER = "PAPI";

    private static final SecureRandom RANDOM = new SecureRandom();

    private H2Password() {}

    /**
     * The password for the database whose H2 base path is {@code base} ({@code base.mv.db} on disk).
     *
     * @param url        the database's JDBC URL without credentials, to secure an old database with
     * @param legacyUser the user an older papi opened it as, with an empty password ("" or "sa")
     * @throws IOException when the file cannot be read or written, or an old database cannot be secured
     */
    public static String forDatabase(Path base, String url, String legacyUser) throws IOException {
        Path file = Path.of(base + ".password");
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        if (Files.exists(Path.of(base + ".mv.db"))) {
            secureOldDatabase(url, legacyUser, password);
        }
        Path fresh = Path.of(base + ".password." + HexFormat.of().formatHex(bytes, 0, 4) + ".new");
        SecureFiles.writeAtomically(fresh, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createLink(file, fresh);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } finally {
            Files.deleteIfExists(fresh);
        }
        return password;
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!password.matches("[0-9a-f]{64}")) {
            throw new IOException(
                    file + " is not a database password papi wrote (64 hex digits): restore it, or remove it "
                            + "together with its database to start empty");
        }
        return password;
    }

    private static void secureOldDatabase(String url, String legacyUser, String password) throws IOException {
        org.h2.Driver h2 = new org.h2.Driver();
        Properties legacy = new Properties();
        legacy.setProperty("user", legacyUser);
        legacy.setProperty("password", "");
        try (Connection c = h2.connect(url, legacy);
                Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + password + "' ADMIN");
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IOException(
                    "cannot set a password on " + url.split(";", 2)[0] + " (stop the papi processes using it and "
                            + "try again): " + e.getMessage().split("\n", 2)[0],
                    e);
        }
        Properties papi = new Properties();
        papi.setProperty("user", USER);
        papi.setProperty("password", password);
        try (Connection c = h2.connect(url, papi);
                Statement s = c.createStatement()) {
            s.execute("DROP USER IF EXISTS \""
                    + legacyUser.toUpperCase(java.util.Locale.ROOT).replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IOException(
                    "cannot remove the password-less user of " + url.split(";", 2)[0] + ": "
                            + e.getMessage().split("\n", 2)[0],
                    e);
        }
    }
}
