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
import io.papi.serving.HttpServing;
import io.papi.serving.ServerAddress;
import io.papi.serving.ServingConfig;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookup API, running: papi's one serving setup ({@link HttpServing}, Jetty 12.1) serving {@code /customer/{ids}}, {@code /}, {@code /test}, {@code /healthz},
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

    /** GET requests only: a body is never needed. */
    private static final long REQUEST_BODY_BYTES = 64 * 1024;

    private final HttpServing server;
    private final StoreCalls storeCalls;
    private final PrometheusMeterRegistry registry;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ApiServer(HttpServing server, StoreCalls storeCalls, PrometheusMeterRegistry registry) {
        this.server = server;
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
    public static ApiServer start(
            ApiConfig config, RecommendationStore store, IngressAuth auth, PrometheusMeterRegistry registry)
            throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(auth, "auth (use IngressAuth.none() when the SPCS ingress authenticates)");
        Objects.requireNonNull(registry, "registry");

        ApiMetrics metrics = new ApiMetrics(registry);
        RecommendationCache cache =
                new RecommendationCache(config.cache().ttl(), config.cache().maxEntries());
        metrics.cacheSize(cache::size);
        StoreCalls storeCalls = new StoreCalls(
                store, config.store().concurrency(), config.store().timeout(), metrics);
        RecommendationLookup lookup = new RecommendationLookup(
                cache, storeCalls, metrics, config.ids().mode());

        ServingConfig serving = ServingConfig.builder("http", ServerAddress.tcp(config.host(), config.port()))
                .threads(Math.max(4, config.threads().max()))
                .acceptorsAndSelectors(
                        config.threads().acceptors(), config.threads().selectors())
                .requestHeaderBytes(REQUEST_HEADER_BYTES)
                .requestBodyBytes(REQUEST_BODY_BYTES)
                // Jetty would reject %2F, %00 and the like with its own page; the id parser rejects them instead,
                // with a 400 JSON naming the problem. Routing uses the raw path, so nothing ambiguous gets through.
                .lenientUris(true)
                .errorHandler(new JsonErrorHandler())
                .build();
        ApiRoutes routes = new ApiRoutes(config, lookup, storeCalls, registry);
        IngressGate gate = new IngressGate(auth, new UnauthorizedResponder(config), routes);
        HttpServing server;
        try {
            server = HttpServing.start(serving, new RequestTimer(metrics, gate));
        } catch (BindException e) {
            storeCalls.close();
            throw new IOException(
                    "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage()
                            + "; choose another port or stop what uses it",
                    e);
        } catch (IOException | RuntimeException e) {
            storeCalls.close();
            throw new IOException(
                    "cannot start the API on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info(
                "serving recommendations on http://{}:{}/ from {} (cache ttl {} s, auth {})",
                config.host(),
                server.port(),
                store,
                config.cache().ttl().toSeconds(),
                auth == IngressAuth.none() ? "by the SPCS ingress" : "local");
        return new ApiServer(server, storeCalls, registry);
    }

    /** The port bound, useful after asking for port 0. */
    public int port() {
        return server.port();
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
        server.stop(drain);
        storeCalls.close();
        LOG.info("stopped serving recommendations");
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }
}
