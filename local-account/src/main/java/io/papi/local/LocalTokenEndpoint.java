package io.papi.local;

import io.papi.local.http.TokenHandler;
import io.papi.local.login.LoginFailureLog;
import io.papi.serving.HttpServing;
import io.papi.serving.ServerAddress;
import io.papi.serving.ServingConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running local {@code /oauth/token}: papi's one serving setup ({@link HttpServing}, Jetty) on a loopback address,
 * answering token requests the way Snowflake's account host does. Stop it with {@link #stop()} (or close its
 * {@link LocalAccount}).
 */
public final class LocalTokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LocalTokenEndpoint.class);

    private final HttpServing server;
    private final InetSocketAddress address;
    private final LoginFailureLog failures;
    private final URI tokenUrl;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalTokenEndpoint(HttpServing server, InetSocketAddress address, LoginFailureLog failures) {
        this.server = server;
        this.address = address;
        this.failures = failures;
        this.tokenUrl = LocalAccount.tokenUrl(address);
    }

    static LocalTokenEndpoint start(
            InetSocketAddress address, TokenHandler handler, LoginFailureLog failures, int threads) throws IOException {
        ServingConfig config = ServingConfig.builder("local-http", ServerAddress.tcp(address))
                .threads(threads)
                // twice the handler's own limit, so that a body just over it gets the OAuth-shaped 413 from the handler
                .requestBodyBytes(2L * TokenHandler.MAX_BODY_BYTES)
                .build();
        HttpServing server;
        try {
            server = HttpServing.start(config, handler);
        } catch (BindException e) {
            throw new BindException("cannot listen on " + hostAndPort(address) + " (" + e.getMessage()
                    + "): stop what uses that port or choose another");
        }
        LocalTokenEndpoint endpoint =
                new LocalTokenEndpoint(server, new InetSocketAddress(address.getAddress(), server.port()), failures);
        LOG.info("local token endpoint listening on {}", endpoint.tokenUrl);
        return endpoint;
    }

    /** The port it listens on (the one the system chose when started on port 0). */
    public int port() {
        return address.getPort();
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return address;
    }

    /** {@code http://127.0.0.1:<port>/oauth/token}: what a token client's token URL override should be. */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /**
     * The cause of a rejected login, by the UUID its client saw in {@code "JWT token is invalid. [<uuid>]"}; empty when
     * the UUID is unknown or has been pushed out by {@value LocalAccount#LOGIN_FAILURES_KEPT} newer failures.
     * The local account's {@code SYSTEM$GET_LOGIN_FAILURE_DETAILS}.
     */
    public Optional<LoginFailure> loginFailureDetails(String uuid) {
        return failures.find(uuid);
    }

    /** Stops accepting and answering at once, and releases the port. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.stop(Duration.ZERO);
        LOG.info("local token endpoint {} stopped", tokenUrl);
    }

    static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress() instanceof Inet6Address
                ? "[" + address.getAddress().getHostAddress() + "]"
                : address.getAddress().getHostAddress();
        return host + ":" + address.getPort();
    }

    @Override
    public String toString() {
        return "LocalTokenEndpoint[" + tokenUrl + "]";
    }
}
