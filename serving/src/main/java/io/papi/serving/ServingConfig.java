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
public final class ServingConfig {
    /** A client has this long to send its first request's headers. */
    public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
    /** A connection with nothing moving for this long is closed (well within the 30 s a stalled client may hold it). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(20);

    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final int DEFAULT_REQUEST_HEADER_BYTES = 8 * 1024;
    public static final long DEFAULT_REQUEST_BODY_BYTES = 1024 * 1024;

    private final String name;
    private final ServerAddress address;
    private final PemTls tls;
    private final int threads;
    private final int acceptors;
    private final int selectors;
    private final Duration headerReadTimeout;
    private final Duration idleTimeout;
    private final int maxConnections;
    private final int requestHeaderBytes;
    private final long requestBodyBytes;
    private final boolean lenientUris;
    private final ErrorHandler errorHandler;

    private ServingConfig(Builder b) {
        this.name = b.name;
        this.address = b.address;
        this.tls = b.tls;
        this.threads = b.threads;
        this.acceptors = b.acceptors;
        this.selectors = b.selectors;
        this.headerReadTimeout = b.headerReadTimeout;
        this.idleTimeout = b.idleTimeout;
        this.maxConnections = b.maxConnections;
        this.requestHeaderBytes = b.requestHeaderBytes;
        this.requestBodyBytes = b.requestBodyBytes;
        this.lenientUris = b.lenientUris;
        this.errorHandler = b.errorHandler;
    }

    /** @param name names the threads ({@code papi-<name>-<n>}) and the log lines */
    public static Builder builder(String name, ServerAddress address) {
        return new Builder(name, address);
    }

    public String name() {
        return name;
    }

    public ServerAddress address() {
        return address;
    }

    public Optional<PemTls> tls() {
        return Optional.ofNullable(tls);
    }

    public int threads() {
        return threads;
    }

    public int acceptors() {
        return acceptors;
    }

    public int selectors() {
        return selectors;
    }

    public Duration headerReadTimeout() {
        return headerReadTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int requestHeaderBytes() {
        return requestHeaderBytes;
    }

    /** The largest request body a handler is given; a larger one is refused with 413. */
    public long requestBodyBytes() {
        return requestBodyBytes;
    }

    /** True when URIs Jetty would refuse ({@code %2F}, {@code %00}) reach the handler, which then refuses them itself. */
    public boolean lenientUris() {
        return lenientUris;
    }

    public ErrorHandler errorHandler() {
        return errorHandler;
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
            if (threads < 4 || threads > 1024) {
                throw new IllegalArgumentException("threads must be between 4 and 1024, not " + threads);
            }
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
            this.headerReadTimeout = positive(timeout, "headerReadTimeout");
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, not " + max);
            }
            this.maxConnections = max;
            return this;
        }

        public Builder requestHeaderBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("requestHeaderBytes must be at least 1024, not " + bytes);
            }
            this.requestHeaderBytes = bytes;
            return this;
        }

        public Builder requestBodyBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("requestBodyBytes must not be negative, not " + bytes);
            }
            this.requestBodyBytes = bytes;
            return this;
        }

        public Builder lenientUris(boolean lenient) {
            this.lenientUris = lenient;
            return this;
        }

        /** How errors Jetty raises itself (bad request line, headers too large) are written; one JSON line by default. */
        public Builder errorHandler(ErrorHandler handler) {
            this.errorHandler = Objects.requireNonNull(handler, "errorHandler");
            return this;
        }

        /** @throws IllegalArgumentException with one line saying what to change */
        public ServingConfig build() {
            if (tls != null && address instanceof ServerAddress.UnixSocket) {
                throw new IllegalArgumentException(
                        name + ": TLS is for TCP listeners; a Unix socket is guarded by its file mode");
            }
            return new ServingConfig(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be more than 0, not " + d);
            }
            return d;
        }
    }
}
