package io.papi.local;

import io.papi.local.files.AccountDirectory;
import io.papi.local.http.TokenHandler;
import io.papi.local.login.KeyPairJwtCheck;
import io.papi.local.login.LoginFailureLog;
import io.papi.local.session.SessionTokenIssuer;
import io.papi.local.store.UserDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded stand-in for a Snowflake account: a user registry with public keys, an {@code /oauth/token} that
 * checks key-pair JWTs by Snowflake's rules and issues session tokens, and the verifier the local ingress uses to
 * accept those tokens. Everything lives in one directory (see {@link #open(Path, String)}); opening it again, from
 * this process or another, finds the same account, users and signing key.
 * <pre>{@code
 * try (LocalAccount account = LocalAccount.open(Path.of(System.getProperty("user.home"), ".papi", "local"))) {
 *     account.users().create("SVC_DATA_API", "DATA_API_ROLE", publicKey);
 *     LocalTokenEndpoint endpoint = account.startServer(LocalAccount.defaultAddress(), LocalAccount.DEFAULT_SESSION_LIFETIME);
 *     // token URL for clients: endpoint.tokenUrl(); JWT account: account.name()
 * }
 * }</pre>
 */
public final class LocalAccount implements AutoCloseable {
    /** The account name a new directory gets unless told otherwise. */
    public static final String DEFAULT_NAME = "LOCAL";
    /** The port {@code papi local} listens on by default. */
    public static final int DEFAULT_PORT = 8088;
    /** How long a session token is good for unless told otherwise (Snowflake's is undocumented; about this). */
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofMinutes(10);
    /** The longest session lifetime accepted. */
    public static final Duration MAX_SESSION_LIFETIME = Duration.ofDays(1);
    /** How many rejected logins each endpoint remembers for {@link LocalTokenEndpoint#loginFailureDetails}. */
    public static final int LOGIN_FAILURES_KEPT = 1000;

    private final AccountDirectory directory;
    private final UserDatabase database;
    private final UserRegistry users;
    private final SessionTokenVerifier verifier;
    private final Clock clock;
    private final List<LocalTokenEndpoint> endpoints = new CopyOnWriteArrayList<>();

    private LocalAccount(AccountDirectory directory, UserDatabase database, Clock clock) {
        this.directory = directory;
        this.database = database;
        this.clock = clock;
        this.users = new UserRegistry(database, directory.accountName(), clock);
        this.verifier = new SessionTokenVerifier(
                directory.accountName(), directory.signingKey(), clock, SessionTokenVerifier.DEFAULT_CACHE_SIZE);
    }

    /**
     * Opens the local account in {@code directory}, creating it (named {@value #DEFAULT_NAME}) if absent; an existing
     * directory keeps whatever name it was created with.
     *
     * @throws IOException when the directory or its files cannot be created or read
     */
    public static LocalAccount open(Path directory) throws IOException {
        return open(directory, null, Clock.systemUTC());
    }

    /**
     * Opens the local account called {@code accountName} in {@code directory}, creating it if absent. The directory
     * (0700) holds {@code account.properties}, {@code session-signing.key} (0600) and the H2 user registry
     * {@code users.mv.db}.
     *
     * @param accountName the account name key-pair JWTs must carry, upper-cased ({@code local} means {@code LOCAL})
     * @throws IllegalArgumentException when the name is not an account name, or the directory holds another account
     * @throws IOException              when the directory or its files cannot be created or read
     */
    public static LocalAccount open(Path directory, String accountName) throws IOException {
        Objects.requireNonNull(accountName, "accountName");
        return open(directory, accountName, Clock.systemUTC());
    }

    static LocalAccount open(Path directory, String accountName, Clock clock) throws IOException {
        AccountDirectory files = AccountDirectory.open(directory, accountName, DEFAULT_NAME, clock);
        UserDatabase database = UserDatabase.open(files.usersDatabase());
        return new LocalAccount(files, database, clock);
    }

    /** The account name, upper-case: what a key-pair JWT's {@code iss} and {@code sub} must start with. */
    public String name() {
        return directory.accountName();
    }

    /** The directory holding this account's files. */
    public Path directory() {
        return directory.directory();
    }

    /** When this account's directory was first set up. */
    public Instant createdOn() {
        return directory.createdOn();
    }

    /** The account's users and their keys. */
    public UserRegistry users() {
        return users;
    }

    /** Accepts the session tokens this account issues; one instance per account, its cache shared by all callers. */
    public SessionTokenVerifier verifier() {
        return verifier;
    }

    /**
     * Starts {@code /oauth/token} on {@code address}, which must be a loopback address (the endpoint speaks plain
     * HTTP); port 0 picks a free port. Each endpoint has its own worker threads and login-failure log.
     *
     * @param sessionLifetime how long issued session tokens are good for, 1 s to 1 day
     * @throws IllegalArgumentException when the address is not loopback or the lifetime out of range
     * @throws java.net.BindException    when the port is taken
     */
    public LocalTokenEndpoint startServer(InetSocketAddress address, Duration sessionLifetime) throws IOException {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "the local token endpoint serves plain HTTP, so it listens on loopback only: "
                            + "use 127.0.0.1, not " + address.getHostString());
        }
        if (sessionLifetime.compareTo(Duration.ofSeconds(1)) < 0
                || sessionLifetime.compareTo(MAX_SESSION_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "session lifetime must be between 1 s and 1 day, was " + sessionLifetime);
        }
        LoginFailureLog failures = new LoginFailureLog(LOGIN_FAILURES_KEPT);
        TokenHandler handler = new TokenHandler(
                new KeyPairJwtCheck(name(), database::find, clock),
                new SessionTokenIssuer(name(), directory.signingKey(), sessionLifetime, clock),
                failures,
                clock);
        int threads = Math.max(4, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
        LocalTokenEndpoint endpoint = LocalTokenEndpoint.start(address, handler, failures, threads);
        endpoints.add(endpoint);
        return endpoint;
    }

    /** {@code 127.0.0.1:}{@value #DEFAULT_PORT}. */
    public static InetSocketAddress defaultAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT);
    }

    /** The token URL of an endpoint listening on {@code address}: {@code http://127.0.0.1:8088/oauth/token}. */
    public static URI tokenUrl(InetSocketAddress address) {
        return URI.create("http://" + LocalTokenEndpoint.hostAndPort(address) + TokenHandler.PATH);
    }

    /** Stops every endpoint this account started and closes the user registry. */
    @Override
    public void close() {
        for (LocalTokenEndpoint endpoint : endpoints) {
            endpoint.stop();
        }
        endpoints.clear();
        database.close();
    }

    @Override
    public String toString() {
        return "LocalAccount[" + name() + " in " + directory() + "]";
    }
}
