package io.papi.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything a {@link BrokerServer} runs with. Built once, validated up front with messages that say what to change.
 *
 * <pre>{@code
 * BrokerConfig config = BrokerConfig.builder()
 *         .identity(identity)                                         // one or more
 *         .listen(new InetSocketAddress("127.0.0.1", 8081))           // the default
 *         .sinks(Path.of("/run/papi/token"), Path.of("/run/papi/header"))
 *         .proxy(new InetSocketAddress("127.0.0.1", 8082), URI.create("http://127.0.0.1:8001"))
 *         .build();
 * }</pre>
 */
public final class BrokerConfig {
    private final List<Identity> identities;
    private final RefreshPolicy policy;
    private final InetSocketAddress listen;
    private final String authToken;
    private final TokenSinks sinks;
    private final InetSocketAddress proxyListen;
    private final URI proxyTo;
    private final String proxyIdentity;
    private final Duration proxyTimeout;
    private final int serverThreads;
    private final int proxyThreads;
    private final Duration drain;
    private final Duration onceTimeout;
    private final Clock clock;
    private final DoubleSupplier random;

    private BrokerConfig(Builder b) {
        this.identities = List.copyOf(b.identities);
        this.policy = b.policy;
        this.listen = b.listen;
        this.authToken = b.authToken;
        this.sinks = new TokenSinks(b.sinkFile, b.headerFile);
        this.proxyListen = b.proxyListen;
        this.proxyTo = b.proxyTo;
        this.proxyIdentity = b.proxyIdentity != null ? b.proxyIdentity : identities.get(0).name();
        this.proxyTimeout = b.proxyTimeout;
        this.serverThreads = b.serverThreads;
        this.proxyThreads = b.proxyThreads;
        this.drain = b.drain;
        this.onceTimeout = b.onceTimeout;
        this.clock = b.clock;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Identity> identities() {
        return identities;
    }

    public RefreshPolicy policy() {
        return policy;
    }

    /** Where the token API listens; port 0 picks a free port. */
    public InetSocketAddress listen() {
        return listen;
    }

    /** The bearer secret callers must send, when one is set. Never logged. */
    public Optional<String> authToken() {
        return Optional.ofNullable(authToken);
    }

    public TokenSinks sinks() {
        return sinks;
    }

    public Optional<InetSocketAddress> proxyListen() {
        return Optional.ofNullable(proxyListen);
    }

    public Optional<URI> proxyTo() {
        return Optional.ofNullable(proxyTo);
    }

    /** The identity whose tokens the proxy adds: the first one unless set. */
    public String proxyIdentity() {
        return proxyIdentity;
    }

    public Duration proxyTimeout() {
        return proxyTimeout;
    }

    public int serverThreads() {
        return serverThreads;
    }

    public int proxyThreads() {
        return proxyThreads;
    }

    public Duration drain() {
        return drain;
    }

    public Duration onceTimeout() {
        return onceTimeout;
    }

    public Clock clock() {
        return clock;
    }

    public DoubleSupplier random() {
        return random;
    }

    @Override
    public String toString() {
        return "BrokerConfig[identities=" + identities.stream().map(Identity::name).toList() + ", listen=" + listen
                + (authToken != null ? ", auth token set" : "") + (proxyTo != null ? ", proxy " + proxyListen + " -> " + proxyTo : "") + "]";
    }

    /** Builds a {@link BrokerConfig}; at least one identity is required. */
    public static final class Builder {
        private final List<Identity> identities = new ArrayList<>();
        private RefreshPolicy policy = RefreshPolicy.defaults();
        private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 8081);
        private String authToken;
        private Path sinkFile;
        private Path headerFile;
        private InetSocketAddress proxyListen;
        private URI proxyTo;
        private String proxyIdentity;
        private Duration proxyTimeout = Duration.ofSeconds(60);
        private int serverThreads = 16;
        private int proxyThreads = 32;
        private Duration drain = Duration.ofSeconds(5);
        private Duration onceTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        public Builder identity(Identity identity) {
            identities.add(Objects.requireNonNull(identity, "identity"));
            return this;
        }

        public Builder identities(List<Identity> list) {
            list.forEach(this::identity);
            return this;
        }

        public Builder policy(RefreshPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** 127.0.0.1:8081 by default. A non-loopback address needs an auth token as well. */
        public Builder listen(InetSocketAddress address) {
            this.listen = Objects.requireNonNull(address, "listen");
            return this;
        }

        /** Callers must send {@code Authorization: Bearer <secret>} (and the proxy's callers {@code Proxy-Authorization}). */
        public Builder authToken(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isBlank() || secret.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("the broker's auth token must be printable ASCII without spaces, and not empty");
            }
            this.authToken = secret;
            return this;
        }

        /**
         * Reads the bearer secret from {@code file} (surrounding whitespace dropped).
         *
         * @throws IllegalArgumentException when the file is missing, empty or unreadable
         */
        public Builder authTokenFile(Path file) {
            Objects.requireNonNull(file, "file");
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("auth token file " + file + " does not exist: write a secret into it, "
                        + "e.g. openssl rand -hex 32 > " + file + " && chmod 600 " + file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read auth token file " + file + ": " + e.getMessage());
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("auth token file " + file + " is empty: write a secret into it, e.g. openssl rand -hex 32");
            }
            try {
                return authToken(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("auth token file " + file + ": the secret must be one line of printable ASCII without spaces");
            }
        }

        /** Files rewritten on every refresh (either may be null); with several identities they must contain {identity}. */
        public Builder sinks(Path tokenFile, Path headerFile) {
            this.sinkFile = tokenFile;
            this.headerFile = headerFile;
            return this;
        }

        /** A forwarding proxy on {@code listen} to the endpoint {@code to} (https, or http to loopback). */
        public Builder proxy(InetSocketAddress listen, URI to) {
            this.proxyListen = Objects.requireNonNull(listen, "proxy listen");
            this.proxyTo = Objects.requireNonNull(to, "proxy target");
            return this;
        }

        /** Which identity's tokens the proxy adds; the first identity by default. */
        public Builder proxyIdentity(String name) {
            this.proxyIdentity = Objects.requireNonNull(name, "proxyIdentity");
            return this;
        }

        public Builder proxyTimeout(Duration timeout) {
            this.proxyTimeout = positive(timeout, "proxyTimeout");
            return this;
        }

        public Builder threads(int server, int proxy) {
            if (server < 1 || proxy < 1 || server > 1024 || proxy > 1024) {
                throw new IllegalArgumentException("thread counts must be between 1 and 1024");
            }
            this.serverThreads = server;
            this.proxyThreads = proxy;
            return this;
        }

        /** How long stopping waits for requests in flight; 5 s by default. */
        public Builder drain(Duration drain) {
            Objects.requireNonNull(drain, "drain");
            this.drain = drain.isNegative() ? Duration.ZERO : drain;
            return this;
        }

        /** How long {@link BrokerServer#once(BrokerConfig)} keeps retrying transient failures; 60 s by default. */
        public Builder onceTimeout(Duration timeout) {
            this.onceTimeout = positive(timeout, "onceTimeout");
            return this;
        }

        /** The clock expiry is judged by; the identities' exchanges should use the same. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The jitter source, uniform in [0, 1). */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** @throws IllegalArgumentException with one line saying what to change */
        public BrokerConfig build() {
            if (identities.isEmpty()) {
                throw new IllegalArgumentException("the broker needs at least one identity");
            }
            Set<String> names = new HashSet<>();
            for (Identity identity : identities) {
                if (!names.add(identity.name())) {
                    throw new IllegalArgumentException("identity " + identity.name() + " is given twice: give each identity its own name");
                }
            }
            TokenSinks sinks = new TokenSinks(sinkFile, headerFile);
            if (identities.size() > 1 && !sinks.namesIdentity()) {
                throw new IllegalArgumentException("with several identities, sink file paths must contain " + TokenSinks.IDENTITY_PLACEHOLDER
                        + " (e.g. /run/papi/{identity}.token) so that each identity has its own file");
            }
            if (!ForwardingProxy.isLoopback(listen) && authToken == null) {
                throw new IllegalArgumentException("listening on " + listen.getHostString() + " exposes tokens beyond this machine: "
                        + "give an auth token file as well, or listen on 127.0.0.1");
            }
            if (proxyListen != null) {
                ForwardingProxy.validUpstream(proxyTo);
                if (!ForwardingProxy.isLoopback(proxyListen) && authToken == null) {
                    throw new IllegalArgumentException("the proxy on " + proxyListen.getHostString() + " would call the endpoint for anyone "
                            + "who reaches it: give an auth token file as well, or listen on 127.0.0.1");
                }
            }
            if (proxyIdentity != null && !names.contains(proxyIdentity)) {
                throw new IllegalArgumentException("proxy identity '" + proxyIdentity + "' is not one of " + String.join(", ", names));
            }
            return new BrokerConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be more than 0, not " + d);
            }
            return d;
        }
    }
}
