package io.papi.local.files;

import io.papi.files.SecureFiles;
import io.papi.local.session.SessionSigningKey;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one local account, all under one directory:
 * <pre>
 *   account.properties     account name and creation time
 *   session-signing.key    the HS256 secret for session tokens (0600)
 *   users.mv.db            the H2 user registry (opened with AUTO_SERVER so a second process can use it)
 * </pre>
 * Opening an existing directory reuses everything in it. First-time setup runs under a file lock so two processes
 * opening the same new directory end up with one account and one key.
 */
public final class AccountDirectory {
    public static final String PROPERTIES_FILE = "account.properties";
    public static final String SIGNING_KEY_FILE = "session-signing.key";
    public static final String USERS_DATABASE = "users";
    private static final String LOCK_FILE = ".setup.lock";
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Z][A-Z0-9_-]{0,254}");
    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);

    private final Path directory;
    private final String accountName;
    private final Instant createdOn;
    private final SessionSigningKey signingKey;

    private AccountDirectory(Path directory, String accountName, Instant createdOn, SessionSigningKey signingKey) {
        this.directory = directory;
        this.accountName = accountName;
        this.createdOn = createdOn;
        this.signingKey = signingKey;
    }

    /**
     * Opens the account in {@code directory}, creating directory, properties and signing key where absent.
     *
     * @param requestedName the account name the caller wants, or null to accept whatever the directory holds
     *                      (a new directory then gets {@code defaultName})
     * @throws IllegalArgumentException when the name is not an account name, or the directory holds another account
     */
    public static AccountDirectory open(Path directory, String requestedName, String defaultName, Clock clock)
            throws IOException {
        String wanted = requestedName == null ? null : accountName(requestedName);
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("local account directory " + dir + " is a file: give a directory");
        }
        SecureFiles.createPrivateDirectories(dir);
        // H2's lock file, which holds the key to its AUTO_SERVER port, is written with the default umask: the
        // directory is what keeps other users out of it
        if (PrivateFile.restrictDirectoryToOwner(dir)) {
            LOG.warn("{} was open to other users; restricted it to its owner (0700)", dir);
        }
        // one JVM-wide monitor, because a FileLock is held per JVM and a second lock attempt from it would fail
        synchronized (AccountDirectory.class) {
            try (FileChannel channel = FileChannel.open(
                            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return openLocked(dir, wanted, defaultName, clock);
            }
        }
    }

    private static AccountDirectory openLocked(Path dir, String wanted, String defaultName, Clock clock)
            throws IOException {
        Path properties = dir.resolve(PROPERTIES_FILE);
        String name;
        Instant created;
        if (Files.exists(properties)) {
            Properties stored = readProperties(properties);
            try {
                name = accountName(stored.getProperty("account", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        properties + " names no valid account (" + e.getMessage() + "): fix or restore the file");
            }
            created = parseInstant(stored.getProperty("created", ""), properties);
            if (wanted != null && !wanted.equals(name)) {
                throw new IllegalArgumentException("directory " + dir + " holds local account " + name + ", not "
                        + wanted + ": open it as " + name + " or use another directory");
            }
        } else {
            name = wanted != null ? wanted : accountName(defaultName);
            created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            writeProperties(properties, name, created);
            LOG.info("created local account {} in {}", name, dir);
        }
        Path keyFile = dir.resolve(SIGNING_KEY_FILE);
        SessionSigningKey key;
        if (Files.exists(keyFile)) {
            if (PrivateFile.isExposed(keyFile)) {
                LOG.warn("{} was readable by others; restricting it to its owner (0600)", keyFile);
                PrivateFile.restrictToOwner(keyFile);
            }
            key = SessionSigningKey.read(keyFile);
        } else {
            key = SessionSigningKey.generate(keyFile);
            LOG.info("generated session signing key {} in {}", key.keyId(), keyFile);
        }
        return new AccountDirectory(dir, name, created, key);
    }

    /**
     * Validates and upper-cases an account name: a letter, then letters, digits, {@code _} or {@code -}, as the
     * account part of a key-pair JWT's {@code iss} carries it.
     */
    public static String accountName(String name) {
        String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (!ACCOUNT_NAME.matcher(upper).matches()) {
            throw new IllegalArgumentException("account name '" + (name == null ? "" : name.trim())
                    + "' is not valid: start with a letter and use only letters, digits, _ and - (for example LOCAL)");
        }
        return upper;
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void writeProperties(Path file, String name, Instant created) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("account", name);
        properties.setProperty("created", created.toString());
        StringWriter text = new StringWriter();
        properties.store(text, "papi local account");
        SecureFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant parseInstant(String text, Path file) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file
                    + " has no valid 'created' time (ISO-8601, e.g. 2025-01-31T12:00:00Z): fix or restore the file");
        }
    }

    public Path directory() {
        return directory;
    }

    public String accountName() {
        return accountName;
    }

    public Instant createdOn() {
        return createdOn;
    }

    public SessionSigningKey signingKey() {
        return signingKey;
    }

    /** Where the H2 database lives: {@code <dir>/users}, H2 adds {@code .mv.db}. */
    public Path usersDatabase() {
        return directory.resolve(USERS_DATABASE);
    }
}
