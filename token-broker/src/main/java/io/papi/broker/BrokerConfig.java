package io.papi.broker;

import io.papi.serving.PemTls;
import io.papi.serving.ServerAddress;
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
import java.util.LinkedHashSet;
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
 *         .authTokenFile(Path.of(home, "broker/secret"))             // or noCallerAuth(), or a Unix socket
 *         .sinks(Path.of("/run/papi/token"), Path.of("/run/papi/header"))
 *         .proxy(new InetSocketAddress("127.0.0.1", 8082), URI.create("http://127.0.0.1:8001"))
 *         .build();
 * }</pre>
 */
public record BrokerConfig(
        List<Identity> identities,
        RefreshPolicy policy,
        ServerAddress listen,
        Optional<String> authToken,
        boolean noCallerAuth,
        Optional<PemTls> tls,
        TokenSinks sinks,
        Optional<Proxy> proxy,
        int serverThreads,
        Duration drain,
        Duration onceTimeout,
        Clock clock,
        DoubleSupplier random) {

    /**
     * Every setting checked once, here, alone and against the others.
     *
     * @param identities one or more, each with its own name
     * @param listen where the token API listens: TCP (port 0 picks a free port) or a Unix socket
     * @param authToken the broker's secret, when one is set; never logged
     * @param noCallerAuth token routes ask for {@code X-Papi-Broker: 1} only (loopback only)
     * @param tls TLS for the TCP listeners, required beyond loopback
     * @param sinks files rewritten on every refresh; with several identities their paths name {@code {identity}}
     * @param proxy the forwarding proxy, if any; its identity, when null, is the first identity
     * @param drain how long stopping waits for requests in flight
     * @param onceTimeout how long {@link BrokerServer#once(BrokerConfig)} keeps retrying transient failures
     * @param clock the clock expiry is judged by; the identities' exchanges should use the same
     * @param random the jitter source, uniform in [0, 1)
     * @throws IllegalArgumentException with one line saying what to change
     */
    public BrokerConfig {
        identities = List.copyOf(identities);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(sinks, "sinks");
        Objects.requireNonNull(proxy, "proxy");
        threadCount(serverThreads);
        DurationChecks.notNegative(drain, "drain");
        DurationChecks.positive(onceTimeout, "onceTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Set<String> names = identityNames(identities);
        if (identities.size() > 1 && !sinks.namesIdentity()) {
            throw new IllegalArgumentException(
                    "with several identities, sink file paths must contain " + TokenSinks.IDENTITY_PLACEHOLDER
                            + " (e.g. /run/papi/{identity}.token) so that each identity has its own file");
        }
        if (!listen.isLocalOnly()) {
            if (noCallerAuth) {
                throw new IllegalArgumentException(
                        "--no-caller-auth is for loopback in a pod or container: listening on " + listen
                                + " would hand tokens to the network without a secret");
            }
            if (authToken.isEmpty() || tls.isEmpty()) {
                throw new IllegalArgumentException(
                        "listening on " + listen + " exposes tokens beyond this machine: give the secret "
                                + "(--auth-token-file) and TLS (--tls-cert, --tls-key) as well, or listen on 127.0.0.1");
            }
        }
        if (proxy.isPresent()) {
            Proxy p = proxy.get();
            if (!ForwardingProxy.isLoopback(p.listen()) && (!p.auth() || tls.isEmpty())) {
                throw new IllegalArgumentException("the proxy on " + ServerAddress.tcp(p.listen())
                        + " would call the endpoint for anyone who reaches it: give --proxy-auth and TLS "
                        + "(--tls-cert, --tls-key) as well, or listen on 127.0.0.1");
            }
            if (p.identity() == null) {
                proxy = Optional.of(
                        new Proxy(p.listen(), p.to(), identities.get(0).name(), p.timeout(), p.threads(), p.auth()));
            } else if (!names.contains(p.identity())) {
                throw new IllegalArgumentException(
                        "proxy identity '" + p.identity() + "' is not one of " + String.join(", ", names));
            }
        }
    }

    private static Set<String> identityNames(List<Identity> identities) {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("the broker needs at least one identity");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Identity identity : identities) {
            if (!names.add(identity.name())) {
                throw new IllegalArgumentException(
                        "identity " + identity.name() + " is given twice: give each identity its own name");
            }
        }
        return names;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The secret token callers must send: none on a Unix socket (its 0600 mode is the guard) unless one was given,
     * none with {@link Builder#noCallerAuth()}, else the broker's secret.
     */
    public Optional<String> callerSecret() {
        return noCallerAuth ? Optional.empty() : authToken;
    }

    /** The secret proxy callers must send in {@code Proxy-Authorization}, with {@link Builder#proxyAuth()}. */
    public Optional<String> proxySecret() {
        return proxy.filter(Proxy::auth).isPresent() ? authToken : Optional.empty();
    }

    /**
     * What serving the token API needs beyond {@link Builder#build()} ({@link BrokerServer#once} opens no listener):
     * a TCP listener asks for the secret unless {@link Builder#noCallerAuth()} says otherwise.
     *
     * @throws IllegalArgumentException saying what to give
     */
    void requireCallerAuth() {
        if (listen instanceof ServerAddress.Tcp && authToken.isEmpty() && !noCallerAuth) {
            throw new IllegalArgumentException(
                    "a TCP token API needs the broker's secret (--auth-token-file; papi broker uses "
                            + "$PAPI_HOME/broker/secret by default), a Unix socket (--listen unix:/path), or --no-caller-auth");
        }
    }

    @Override
    public String toString() {
        return "BrokerConfig[identities="
                + identities.stream().map(Identity::name).toList() + ", listen=" + listen
                + (authToken.isPresent() ? ", secret set" : "") + (noCallerAuth ? ", no caller auth" : "")
                + (tls.isPresent() ? ", tls" : "")
                + proxy.map(p -> ", proxy " + p.listen() + " -> " + p.to()).orElse("")
                + "]";
    }

    /**
     * The forwarding proxy's settings, each declared here once.
     *
     * @param listen where the proxy listens (TCP; port 0 picks a free port)
     * @param to the endpoint it calls: https, or http to loopback
     * @param identity whose tokens it adds; null for the first identity of the {@link BrokerConfig} it is given to
     * @param timeout how long it waits between bytes of the endpoint's answer; 60 s by default
     * @param threads how many requests it serves at once; 32 by default
     * @param auth whether its callers must send the broker's secret in {@code Proxy-Authorization}
     */
    public record Proxy(
            InetSocketAddress listen, URI to, String identity, Duration timeout, int threads, boolean auth) {
        /** @throws IllegalArgumentException with one line saying what to change */
        public Proxy {
            Objects.requireNonNull(listen, "proxy listen");
            ForwardingProxy.validUpstream(Objects.requireNonNull(to, "proxy target"));
            DurationChecks.positive(timeout, "proxyTimeout");
            threadCount(threads);
        }
    }

    private static int threadCount(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("thread counts must be between 1 and 1024");
        }
        return threads;
    }

    /** Builds a {@link BrokerConfig}; at least one identity is required. */
    public static final class Builder {
        private final List<Identity> identities = new ArrayList<>();
        private RefreshPolicy policy = RefreshPolicy.defaults();
        private ServerAddress listen = ServerAddress.tcp("127.0.0.1", 8081);
        private String authToken;
        private boolean noCallerAuth;
        private boolean proxyAuth;
        private PemTls tls;
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

        private Builder() {}

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

        /** 127.0.0.1:8081 by default. A non-loopback address needs the secret and TLS as well. */
        public Builder listen(InetSocketAddress address) {
            return listen(ServerAddress.tcp(Objects.requireNonNull(address, "listen")));
        }

        /** A TCP address or a Unix socket ({@link ServerAddress#unix}), created 0600. */
        public Builder listen(ServerAddress address) {
            this.listen = Objects.requireNonNull(address, "listen");
            return this;
        }

        /**
         * Token routes ask for {@code X-Papi-Broker: 1} only, no secret: for a pod or container whose network
         * namespace is the boundary, as cloud metadata servers do. Loopback only.
         */
        public Builder noCallerAuth() {
            this.noCallerAuth = true;
            return this;
        }

        /** The proxy asks for {@code Proxy-Authorization: Bearer <secret>} too (it is open on loopback otherwise). */
        public Builder proxyAuth() {
            this.proxyAuth = true;
            return this;
        }

        /** TLS for the TCP listeners, from a PEM certificate chain and key. */
        public Builder tls(PemTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Callers must send {@code Authorization: Bearer <secret>} (and the proxy's callers {@code Proxy-Authorization}). */
        public Builder authToken(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isBlank() || secret.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException(
                        "the broker's auth token must be printable ASCII without spaces, and not empty");
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
                throw new IllegalArgumentException(
                        "auth token file " + file + " does not exist: write a secret into it, "
                                + "e.g. openssl rand -hex 32 > " + file + " && chmod 600 " + file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read auth token file " + file + ": " + e.getMessage());
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException(
                        "auth token file " + file + " is empty: write a secret into it, e.g. openssl rand -hex 32");
            }
            try {
                return authToken(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "auth token file " + file + ": the secret must be one line of printable ASCII without spaces");
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
            this.proxyTimeout = DurationChecks.positive(timeout, "proxyTimeout");
            return this;
        }

        public Builder threads(int server, int proxy) {
            this.serverThreads = threadCount(server);
            this.proxyThreads = threadCount(proxy);
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
            this.onceTimeout = DurationChecks.positive(timeout, "onceTimeout");
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
            if (proxyAuth && authToken == null) {
                throw new IllegalArgumentException("--proxy-auth needs the broker's secret: give --auth-token-file");
            }
            Optional<Proxy> proxy = proxyListen == null
                    ? Optional.empty()
                    : Optional.of(
                            new Proxy(proxyListen, proxyTo, proxyIdentity, proxyTimeout, proxyThreads, proxyAuth));
            return new BrokerConfig(
                    identities,
                    policy,
                    listen,
                    Optional.ofNullable(authToken),
                    noCallerAuth,
                    Optional.ofNullable(tls),
                    new TokenSinks(sinkFile, headerFile),
                    proxy,
                    serverThreads,
                    drain,
                    onceTimeout,
                    clock,
                    random);
        }
    }
}
