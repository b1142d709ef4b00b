package io.papi.serving;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running papi listener on Jetty 12.1, set up the same way everywhere (broker token API, forwarding proxy,
 * local {@code /oauth/token}, lookup API): a header-read deadline, an idle timeout, a connection limit, request
 * header and body limits, JSON errors, optional TLS from PEM, TCP or a Unix socket created 0600, and a drain that
 * ends as soon as the requests in flight are answered.
 */
public final class HttpServing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServing.class);

    private final ServingConfig config;
    private final Server server;
    private final AbstractConnector connector;
    private final GracefulHandler graceful;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private HttpServing(ServingConfig config, Server server, AbstractConnector connector, GracefulHandler graceful) {
        this.config = config;
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
    }

    /**
     * Binds the address and serves every request with {@code handler}.
     *
     * @throws BindException when the address is in use or not permitted, naming it
     * @throws IOException when the server cannot start for another reason
     * @throws IllegalArgumentException when the TLS files cannot be used
     */
    public static HttpServing start(ServingConfig config, Handler handler) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        InlineResumeThreadPool threads = new InlineResumeThreadPool(config.threads(), Math.min(4, config.threads()));
        threads.setName("papi-" + config.name());
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopAtShutdown(false);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(config.requestHeaderBytes());
        http.setIdleTimeout(config.idleTimeout().toMillis());
        if (config.lenientUris()) {
            http.setUriCompliance(UriCompliance.UNSAFE);
        }
        AbstractConnector connector = connector(config, server, http);
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.addBean(new HeaderReadTimeout(connector.getScheduler(), config.headerReadTimeout()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
        server.setErrorHandler(config.errorHandler());
        GracefulHandler graceful = new GracefulHandler(new SizeLimitHandler(config.requestBodyBytes(), -1));
        ((Handler.Wrapper) graceful.getHandler()).setHandler(handler);
        server.setHandler(graceful);

        Path socket = config.address() instanceof ServerAddress.UnixSocket unix ? unix.path() : null;
        if (socket != null) {
            prepareSocketPath(socket);
        }
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new BindException("cannot listen on " + config.address() + ": " + t.getMessage());
                }
            }
            throw new IOException("cannot start " + config.name() + " on " + config.address() + ": " + e, e);
        }
        threads.resumeInline(server.getInvocationType() == Invocable.InvocationType.NON_BLOCKING);
        if (socket != null) {
            // connecting needs write permission on the socket: with the usual umask others have none from the start
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
        HttpServing serving = new HttpServing(config, server, connector, graceful);
        LOG.debug("{} serving on {}", config.name(), serving.describe());
        return serving;
    }

    private static AbstractConnector connector(ServingConfig config, Server server, HttpConfiguration http) {
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
        if (config.address() instanceof ServerAddress.UnixSocket unix) {
            UnixDomainServerConnector connector = new UnixDomainServerConnector(server, 1, 1, httpFactory);
            connector.setUnixDomainPath(unix.path());
            return connector;
        }
        ServerAddress.Tcp tcp = (ServerAddress.Tcp) config.address();
        ConnectionFactory[] factories = config.tls()
                .map(tls -> new ConnectionFactory[] {
                    new SslConnectionFactory(tls.contextFactory(), httpFactory.getProtocol()), httpFactory
                })
                .orElse(new ConnectionFactory[] {httpFactory});
        ServerConnector connector =
                new SharedSelectorConnector(server, config.acceptors(), config.selectors(), factories);
        connector.setHost(
                tcp.address().getAddress() != null
                        ? tcp.address().getAddress().getHostAddress()
                        : tcp.address().getHostString());
        connector.setPort(tcp.address().getPort());
        connector.setAcceptQueueSize(1024);
        return connector;
    }

    /** A socket file left by a process that is gone is removed; one that still answers is in use. */
    private static void prepareSocketPath(Path socket) throws IOException {
        Path parent = socket.toAbsolutePath().getParent();
        if (parent != null && Files.notExists(parent)) {
            Files.createDirectories(
                    parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(socket)) {
            throw new BindException("cannot listen on unix:" + socket + ": a file that is not a socket is in the way");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            throw new BindException("cannot listen on unix:" + socket + ": another server answers on it");
        } catch (BindException e) {
            throw e;
        } catch (IOException nobodyListens) {
            Files.deleteIfExists(socket);
        }
    }

    /** The TCP port bound (the one chosen after asking for port 0), or -1 on a Unix socket. */
    public int port() {
        return connector instanceof ServerConnector tcp ? tcp.getLocalPort() : -1;
    }

    public ServingConfig config() {
        return config;
    }

    /** {@code http://127.0.0.1:8081}, {@code https://...}, or {@code unix:/path}. */
    public String describe() {
        if (config.address() instanceof ServerAddress.Tcp tcp) {
            String host = tcp.address().getAddress() != null
                    ? LoopbackNames.forUrl(tcp.address().getAddress())
                    : tcp.address().getHostString();
            return (config.tls().isPresent() ? "https://" : "http://") + host + ":" + port();
        }
        return config.address().toString();
    }

    /** Requests being handled now. */
    public long requestsInFlight() {
        return graceful.getCurrentRequestCount();
    }

    /**
     * Stops taking connections, lets requests in flight finish for at most {@code drain} (a request arriving on
     * an open connection meanwhile gets 503), then closes every connection. Returns as soon as the last request in
     * flight is answered. Safe to call more than once.
     */
    public void stop(Duration drain) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            connector.shutdown();
            graceful.shutdown().get(Math.max(1, drain.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn(
                    "{}: {} requests still in flight after draining for {} ms; stopping anyway",
                    config.name(),
                    graceful.getCurrentRequestCount(),
                    drain.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("{}: draining failed: {}", config.name(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.setStopTimeout(0);
        stopQuietly(server);
        if (config.address() instanceof ServerAddress.UnixSocket unix) {
            try {
                Files.deleteIfExists(unix.path());
            } catch (IOException e) {
                LOG.warn("{}: cannot remove {}: {}", config.name(), unix.path(), e.getMessage());
            }
        }
    }

    /** Stops at once, without draining. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty: {}", e.toString());
        }
    }
}
