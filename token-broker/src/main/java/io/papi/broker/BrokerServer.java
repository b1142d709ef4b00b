package io.papi.broker;

import io.papi.broker.TokenUnavailableException.Cause;
import io.papi.broker.sidecar.BrokerHandler;
import io.papi.broker.sidecar.BrokerMetrics;
import io.papi.broker.sidecar.CallerGuard;
import io.papi.serving.HttpServing;
import io.papi.serving.ServerAddress;
import io.papi.serving.ServingConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sidecar: a {@link TokenBroker} with its token API ({@code /token}, {@code /token.json},
 * {@code /header}, {@code POST /invalidate}, {@code /livez}, {@code /readyz}, {@code /metrics}), its sink files and
 * optionally a {@link ForwardingProxy}.
 *
 * <pre>{@code
 * try (BrokerServer broker = BrokerServer.start(config)) {
 *     System.out.println("tokens at http://127.0.0.1:" + broker.port() + "/token, proxy on " + broker.proxyPort());
 * }
 * }</pre>
 */
public final class BrokerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerServer.class);

    private final TokenBroker broker;
    private final HttpServing listener;
    private final ForwardingProxy proxy;
    private final BrokerMetrics metrics;
    private final Duration drain;

    private BrokerServer(
            TokenBroker broker, HttpServing listener, ForwardingProxy proxy, BrokerMetrics metrics, Duration drain) {
        this.broker = broker;
        this.drain = drain;
        this.listener = listener;
        this.proxy = proxy;
        this.metrics = metrics;
    }

    /**
     * Reads every identity's key, binds the listeners and starts every identity's first exchange (without waiting
     * for it: a caller that asks before it arrives waits for it).
     *
     * @throws KeyFileException when a key file cannot be used
     * @throws IllegalArgumentException when a sink file cannot be written, or the TLS files cannot be used
     * @throws IOException when a listener cannot bind its address
     */
    public static BrokerServer start(BrokerConfig config) throws IOException {
        config.requireCallerAuth();
        BrokerMetrics metrics = new BrokerMetrics(config.clock());
        config.sinks().prepare(config.identities().stream().map(Identity::name).toList());
        TokenBroker broker = newBroker(config, metrics, RefreshListener.all(List.of(metrics, config.sinks())));
        HttpServing listener = null;
        ForwardingProxy proxy = null;
        try {
            ServerAddress address = config.listen();
            boolean tcp = address instanceof ServerAddress.Tcp;
            CallerGuard guard = new CallerGuard(
                    tcp && address.isLocalOnly(), config.callerSecret().orElse(null));
            ServingConfig.Builder serving =
                    ServingConfig.builder("broker", address).threads(Math.max(4, config.serverThreads()));
            if (tcp) {
                config.tls().ifPresent(serving::tls);
            }
            listener = HttpServing.start(
                    serving.build(),
                    new BrokerHandler(
                            broker, guard, !address.isLocalOnly(), metrics, config.clock(), config.sinks()::problems));
            if (config.proxy().isPresent()) {
                BrokerConfig.Proxy settings = config.proxy().get();
                proxy = ForwardingProxy.start(
                        settings.listen(),
                        settings.to(),
                        broker.source(settings.identity()),
                        config.proxySecret().orElse(null),
                        config.tls().orElse(null),
                        settings.timeout(),
                        settings.threads(),
                        config.drain(),
                        metrics,
                        null);
            }
        } catch (IOException | RuntimeException e) {
            if (listener != null) {
                listener.close();
            }
            broker.close();
            throw e;
        }
        broker.start();
        LOG.info(
                "broker on {} for {} ({}){}",
                listener.describe(),
                broker.identities(),
                callers(config),
                proxy == null
                        ? ""
                        : "; proxy on port " + proxy.port() + " to " + proxy.upstream()
                                + (config.proxySecret().isPresent()
                                        ? " (Proxy-Authorization required)"
                                        : " (open on loopback)"));
        return new BrokerServer(broker, listener, proxy, metrics, config.drain());
    }

    private static String callers(BrokerConfig config) {
        if (config.callerSecret().isPresent()) {
            return "callers send the secret as Authorization: Bearer";
        }
        return config.listen() instanceof ServerAddress.UnixSocket
                ? "callers need access to the socket, mode 0600"
                : "no caller auth: X-Papi-Broker: 1 alone";
    }

    /**
     * {@code --once}: exchanges for every identity (retrying transient failures for at most the config's once
     * timeout), writes the sink files, and stops. No listener is opened.
     *
     * @return every identity's token, by name
     * @throws TokenUnavailableException naming the first identity that got no token and why
     * @throws IOException when a sink file cannot be written
     */
    public static Map<String, SessionToken> once(BrokerConfig config) throws IOException, InterruptedException {
        BrokerMetrics metrics = new BrokerMetrics(config.clock());
        try (TokenBroker broker = newBroker(config, metrics, metrics)) {
            broker.start();
            Map<String, SessionToken> tokens = broker.awaitTokens(config.onceTimeout());
            for (RefreshingTokenSource source : broker.sources()) {
                String name = source.identity().name();
                if (!tokens.containsKey(name)) {
                    RefreshFailure failure = source.status().lastFailure().orElse(null);
                    throw new TokenUnavailableException(
                            name,
                            Cause.REFRESH_FAILED,
                            "identity " + name + ": no token"
                                    + (failure != null
                                            ? ": " + failure.message()
                                            : " within " + config.onceTimeout().toSeconds() + " s"),
                            failure,
                            null);
                }
            }
            for (Map.Entry<String, SessionToken> entry : tokens.entrySet()) {
                config.sinks().write(entry.getKey(), entry.getValue());
            }
            return new LinkedHashMap<>(tokens);
        }
    }

    private static TokenBroker newBroker(BrokerConfig config, BrokerMetrics metrics, RefreshListener listener) {
        List<RefreshingTokenSource> sources = new ArrayList<>();
        try {
            for (Identity identity : config.identities()) {
                RefreshingTokenSource source = RefreshingTokenSource.builder(identity)
                        .policy(config.policy())
                        .clock(config.clock())
                        .random(config.random())
                        .listener(listener)
                        .build();
                sources.add(source);
                metrics.watch(source);
            }
        } catch (RuntimeException e) {
            sources.forEach(RefreshingTokenSource::close);
            throw e;
        }
        return new TokenBroker(sources, config.clock());
    }

    /** The port of the token API, or -1 on a Unix socket. */
    public int port() {
        return listener.port();
    }

    /** The token API's base: {@code http://127.0.0.1:8081}, {@code https://...} or {@code unix:/path}. */
    public String address() {
        return listener.describe();
    }

    /** The port of the forwarding proxy, or -1 without one. */
    public int proxyPort() {
        return proxy == null ? -1 : proxy.port();
    }

    public TokenBroker broker() {
        return broker;
    }

    /** Reads every identity's key file again (what SIGHUP does). @throws KeyFileException as {@link TokenBroker#reloadKeys()} */
    public void reloadKeys() {
        broker.reloadKeys();
    }

    /** Waits until every identity holds a token (or one fails permanently); true when all do. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return broker.awaitTokens(timeout).size() == broker.identities().size();
    }

    /** The Prometheus text of {@code /metrics}. */
    public String metrics() {
        return metrics.scrape();
    }

    /** Drains the proxy and the token API (requests in flight are answered), then stops refreshing. */
    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        listener.stop(drain);
        broker.close();
        LOG.info("broker stopped");
    }
}
