package io.papi.broker;

import io.papi.broker.TokenUnavailableException.Cause;
import io.papi.broker.sidecar.BrokerMetrics;
import io.papi.broker.sidecar.BrokerRoutes;
import io.papi.broker.sidecar.CallerGuard;
import io.papi.broker.sidecar.HttpListener;
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
    private final HttpListener listener;
    private final ForwardingProxy proxy;
    private final BrokerMetrics metrics;

    private BrokerServer(TokenBroker broker, HttpListener listener, ForwardingProxy proxy, BrokerMetrics metrics) {
        this.broker = broker;
        this.listener = listener;
        this.proxy = proxy;
        this.metrics = metrics;
    }

    /**
     * Reads every identity's key, binds the listeners and starts every identity's first exchange (without waiting
     * for it: a caller that asks before it arrives waits for it).
     *
     * @throws KeyFileException when a key file cannot be used
     * @throws IOException when a listener cannot bind its address
     */
    public static BrokerServer start(BrokerConfig config) throws IOException {
        BrokerMetrics metrics = new BrokerMetrics(config.clock());
        TokenBroker broker = newBroker(config, metrics, RefreshListener.all(List.of(metrics, config.sinks())));
        HttpListener listener = null;
        ForwardingProxy proxy = null;
        try {
            CallerGuard guard = new CallerGuard(ForwardingProxy.isLoopback(config.listen()), config.authToken().orElse(null));
            listener = HttpListener.start(config.listen(), config.serverThreads(), "broker", config.drain(),
                    new BrokerRoutes(broker, guard, metrics, config.clock()));
            if (config.proxyListen().isPresent()) {
                proxy = ForwardingProxy.start(config.proxyListen().get(), config.proxyTo().orElseThrow(),
                        broker.source(config.proxyIdentity()), config.authToken().orElse(null), config.proxyTimeout(),
                        config.proxyThreads(), config.drain(), metrics);
            }
        } catch (IOException | RuntimeException e) {
            if (listener != null) {
                listener.close();
            }
            broker.close();
            throw e;
        }
        broker.start();
        LOG.info("broker on http://{}:{} for {}{}", config.listen().getHostString(), listener.port(), broker.identities(),
                proxy == null ? "" : "; proxy on port " + proxy.port() + " to " + proxy.upstream());
        return new BrokerServer(broker, listener, proxy, metrics);
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
                    throw new TokenUnavailableException(name, Cause.REFRESH_FAILED, "identity " + name + ": no token"
                            + (failure != null ? ": " + failure.message() : " within " + config.onceTimeout().toSeconds() + " s"),
                            failure, null);
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

    /** The port of the token API. */
    public int port() {
        return listener.port();
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
        listener.close();
        broker.close();
        LOG.info("broker stopped");
    }
}
