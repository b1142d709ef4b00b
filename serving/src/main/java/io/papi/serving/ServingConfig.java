package io.papi.serving;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * How one papi listener serves: its address, optional TLS, and the limits that keep a slow or hostile client from
 * holding it up. The defaults suit a loopback sidecar; every limit is checked up front.
 *
 * <pre>{@code
 * ServingConfig config = ServingConfig.builder("broker", ServerAddress.tcp("127.0.0.1", 8081))
 *         .threads(16)
 *         .build();
 * }</pre>
 */
public record ServingConfig(
        String name,
        ServerAddress address,
        Optional<PemTls> tls,
        int threads,
        int acceptors,
        int selectors,
        Duration headerReadTimeout,
        Duration idleTimeout,
        int maxConnections,
        int requestHeaderBytes,
        long requestBodyBytes,
        boolean lenientUris,
        ErrorHandler errorHandler) {
    /** A client has this long to send its first request's headers. */
    public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
    /** A connection with nothing moving for this long is closed (well within the 30 s a stalled client may hold it). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(20);

    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final int DEFAULT_REQUEST_HEADER_BYTES = 8 * 1024;
    public static final long DEFAULT_REQUEST_BODY_BYTES = 1024 * 1024;

    /**
     * Every limit checked once, here.
     *
     * @param name names the threads ({@code papi-<name>-<n>}) and the log lines
     * @param tls TLS with this certificate and key; not for Unix sockets
     * @param threads the most threads that run handlers (Jetty's own selector and acceptor threads included)
     * @param acceptors acceptor threads; -1 lets Jetty choose from the number of cores
     * @param selectors selector threads; -1 lets Jetty choose from the number of cores
     * @param requestBodyBytes the largest request body a handler is given; a larger one is refused with 413
     * @param lenientUris true when URIs Jetty would refuse ({@code %2F}, {@code %00}) reach the handler, which then
     *     refuses them itself
     * @param errorHandler how errors Jetty raises itself (bad request line, headers too large) are written
     * @throws IllegalArgumentException with one line saying what to change
     */
    public ServingConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(errorHandler, "errorHandler");
        if (threads < 4 || threads > 1024) {
            throw new IllegalArgumentException("threads must be between 4 and 1024, not " + threads);
        }
        positive(headerReadTimeout, "headerReadTimeout");
        positive(idleTimeout, "idleTimeout");
        atLeast(maxConnections, 1, "maxConnections");
        atLeast(requestHeaderBytes, 1024, "requestHeaderBytes");
        if (requestBodyBytes < 0) {
            throw new IllegalArgumentException("requestBodyBytes must not be negative, not " + requestBodyBytes);
        }
        if (tls.isPresent() && address instanceof ServerAddress.UnixSocket) {
            throw new IllegalArgumentException(
                    name + ": TLS is for TCP listeners; a Unix socket is guarded by its file mode");
        }
    }

    /** @param name names the threads ({@code papi-<name>-<n>}) and the log lines */
    public static Builder builder(String name, ServerAddress address) {
        return new Builder(name, address);
    }

    private static void atLeast(long value, long least, String what) {
        if (value < least) {
            throw new IllegalArgumentException(what + " must be at least " + least + ", not " + value);
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be more than 0, not " + d);
        }
    }

    /** Builds a {@link ServingConfig}. */
    public static final class Builder {
        private final String name;
        private final ServerAddress address;
        private PemTls tls;
        private int threads = 16;
        private int acceptors = -1;
        private int selectors = -1;
        private Duration headerReadTimeout = DEFAULT_HEADER_READ_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int requestHeaderBytes = DEFAULT_REQUEST_HEADER_BYTES;
        private long requestBodyBytes = DEFAULT_REQUEST_BODY_BYTES;
        private boolean lenientUris;
        private ErrorHandler errorHandler = new JsonLineErrorHandler();

        private Builder(String name, ServerAddress address) {
            this.name = Objects.requireNonNull(name, "name");
            this.address = Objects.requireNonNull(address, "address");
        }

        /** Serve TLS with this certificate and key; not for Unix sockets. */
        public Builder tls(PemTls tls) {
            this.tls = tls;
            return this;
        }

        /** The most threads that run handlers (Jetty's own selector and acceptor threads included). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Acceptor and selector threads; -1 lets Jetty choose from the number of cores. */
        public Builder acceptorsAndSelectors(int acceptors, int selectors) {
            this.acceptors = acceptors;
            this.selectors = selectors;
            return this;
        }

        public Builder headerReadTimeout(Duration timeout) {
            this.headerReadTimeout = timeout;
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        public Builder requestHeaderBytes(int bytes) {
            this.requestHeaderBytes = bytes;
            return this;
        }

        public Builder requestBodyBytes(long bytes) {
            this.requestBodyBytes = bytes;
            return this;
        }

        public Builder lenientUris(boolean lenient) {
            this.lenientUris = lenient;
            return this;
        }

        /** How errors Jetty raises itself (bad request line, headers too large) are written; one JSON line by default. */
        public Builder errorHandler(ErrorHandler handler) {
            this.errorHandler = handler;
            return this;
        }

        /** @throws IllegalArgumentException with one line saying what to change */
        public ServingConfig build() {
            return new ServingConfig(
                    name,
                    address,
                    Optional.ofNullable(tls),
                    threads,
                    acceptors,
                    selectors,
                    headerReadTimeout,
                    idleTimeout,
                    maxConnections,
                    requestHeaderBytes,
                    requestBodyBytes,
                    lenientUris,
                    errorHandler);
        }
    }
}
