package io.papi.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.papi.local.login.LoginFailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running local {@code /oauth/token}: the JDK HTTP server on a loopback address, answering token requests the way
 * Snowflake's account host does. Stop it with {@link #stop()} (or close its {@link LocalAccount}).
 */
public final class LocalTokenEndpoint {
    /** Requests waiting for a worker beyond this many are handled on the accepting thread, which slows accepting. */
    private static final int QUEUED_REQUESTS = 256;
    private static final Logger log = LoggerFactory.getLogger(LocalTokenEndpoint.class);

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final LoginFailureLog failures;
    private final URI tokenUrl;
    private final AtomicInteger stopped = new AtomicInteger();

    private LocalTokenEndpoint(HttpServer server, ThreadPoolExecutor workers, LoginFailureLog failures) {
        this.server = server;
        this.workers = workers;
        this.failures = failures;
        this.tokenUrl = LocalAccount.tokenUrl(server.getAddress());
    }

    static LocalTokenEndpoint start(InetSocketAddress address, HttpHandler handler, LoginFailureLog failures, int threads)
            throws IOException {
        // Read once, when the JDK server's configuration class loads: it must be set before the first server exists,
        // or every response waits ~40 ms for Nagle's algorithm and delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new BindException("cannot listen on " + hostAndPort(address) + " (" + e.getMessage()
                    + "): stop what uses that port or choose another");
        }
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), workerThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        server.createContext("/", handler);
        server.start();
        LocalTokenEndpoint endpoint = new LocalTokenEndpoint(server, workers, failures);
        log.info("local token endpoint listening on {}", endpoint.tokenUrl);
        return endpoint;
    }

    /** The port it listens on (the one the system chose when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
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
        if (stopped.getAndIncrement() > 0) {
            return;
        }
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("local token endpoint {} stopped", tokenUrl);
    }

    static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress() instanceof Inet6Address
                ? "[" + address.getAddress().getHostAddress() + "]"
                : address.getAddress().getHostAddress();
        return host + ":" + address.getPort();
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "papi-local-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "LocalTokenEndpoint[" + tokenUrl + "]";
    }
}
