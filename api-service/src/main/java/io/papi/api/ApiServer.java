package io.papi.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.papi.api.http.ApiRoutes;
import io.papi.api.http.IngressGate;
import io.papi.api.http.JsonErrorHandler;
import io.papi.api.http.RequestTimer;
import io.papi.api.http.UnauthorizedResponder;
import io.papi.api.lookup.RecommendationCache;
import io.papi.api.lookup.RecommendationLookup;
import io.papi.api.lookup.StoreCalls;
import io.papi.api.metrics.ApiMetrics;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookup API, running: Jetty 12 serving {@code /customer/{ids}}, {@code /}, {@code /test}, {@code /healthz},
 * {@code /readyz} and {@code /metrics}.
 *
 * <pre>{@code
 * try (RecommendationStore store = Stores.h2(url, Stores.DEFAULT_TABLE)) {
 *     ApiServer server = ApiServer.start(ApiConfig.builder().port(8001).build(), store, IngressAuth.none());
 *     Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(10))));
 *     server.join();
 * }
 * }</pre>
 *
 * <p>The caller owns the store and closes it after {@link #stop(Duration)}.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Room for 100 ids of 32 characters, percent-encoded, plus ordinary headers; larger gets 414 JSON. */
    private static final int REQUEST_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final StoreCalls storeCalls;
    private final PrometheusMeterRegistry registry;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ApiServer(Server server, ServerConnector connector, GracefulHandler graceful, StoreCalls storeCalls,
                      PrometheusMeterRegistry registry) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
        this.storeCalls = storeCalls;
        this.registry = registry;
    }

    /** Starts with a registry of its own; see {@link #start(ApiConfig, RecommendationStore, IngressAuth, PrometheusMeterRegistry)}. */
    public static ApiServer start(ApiConfig config, RecommendationStore store, IngressAuth auth) throws IOException {
        return start(config, store, auth, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * Binds {@code config.host():config.port()} and starts serving.
     *
     * @param auth {@link IngressAuth#none()} inside SPCS; locally, the local account's verifier
     * @param registry where the API's meters go; {@code /metrics} serves its scrape
     * @throws IOException when the port cannot be bound (in use, not permitted), with the address in the message
     */
    public static ApiServer start(ApiConfig config, RecommendationStore store, IngressAuth auth,
                                  PrometheusMeterRegistry registry) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(auth, "auth (use IngressAuth.none() when the SPCS ingress authenticates)");
        Objects.requireNonNull(registry, "registry");

        ApiMetrics metrics = new ApiMetrics(registry);
        RecommendationCache cache = new RecommendationCache(config.cacheTtl(), config.cacheMaxSize());
        metrics.cacheSize(cache::size);
        StoreCalls storeCalls = new StoreCalls(store, config.storeConcurrency(), config.storeTimeout(), metrics);
        RecommendationLookup lookup = new RecommendationLookup(cache, storeCalls, metrics, config.idMode());

        QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()));
        threads.setName("papi-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        // Jetty would reject %2F, %00 and the like with its own HTML page; the id parser rejects them instead,
        // with a 400 JSON naming the problem. Routing uses the raw path, so nothing ambiguous gets through.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, config.acceptors(), config.selectors(),
                new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        ApiRoutes routes = new ApiRoutes(config, lookup, storeCalls, registry);
        IngressGate gate = new IngressGate(auth, new UnauthorizedResponder(config), routes);
        GracefulHandler graceful = new GracefulHandler(new RequestTimer(metrics, gate));
        server.setHandler(graceful);
        server.setStopAtShutdown(false);

        try {
            server.start();
        } catch (Exception e) {
            storeCalls.close();
            stopQuietly(server);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                            + t.getMessage() + "; choose another port or stop what uses it", e);
                }
            }
            throw new IOException("cannot start the API on " + config.host() + ":" + config.port() + ": " + e, e);
        }
        LOG.info("serving recommendations on http://{}:{}/ from {} (cache ttl {} s, auth {})", config.host(),
                connector.getLocalPort(), store, config.cacheTtl().toSeconds(),
                auth == IngressAuth.none() ? "by the SPCS ingress" : "local");
        return new ApiServer(server, connector, graceful, storeCalls, registry);
    }

    /** The port bound, useful after asking for port 0. */
    public int port() {
        return connector.getLocalPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Stops taking connections, lets requests in flight finish for at most {@code drain} (a request arriving on
     * an open connection meanwhile gets 503), then closes every connection and stops. Returns as soon as the
     * last request in flight is answered: idle keep-alive connections do not hold it up. Safe to call more than
     * once and from a shutdown hook.
     */
    public void stop(Duration drain) {
        Objects.requireNonNull(drain, "drain");
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            connector.shutdown();
            graceful.shutdown().get(Math.max(1, drain.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} requests still in flight after draining for {} ms; stopping anyway",
                    graceful.getCurrentRequestCount(), drain.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("draining requests failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // drained already: stop at once, closing idle connections rather than waiting for them
        server.setStopTimeout(0);
        stopQuietly(server);
        storeCalls.close();
        LOG.info("stopped serving recommendations");
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
