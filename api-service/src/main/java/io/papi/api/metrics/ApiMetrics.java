package io.papi.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every meter the API publishes, registered once. In Prometheus text they read:
 * <ul>
 *   <li>{@code papi_http_server_requests_seconds_bucket{route,method,status,le}}: request latency histogram;</li>
 *   <li>{@code papi_cache_lookups_total{result="hit"|"miss"}}: per id, so a request for 3 ids counts 3;</li>
 *   <li>{@code papi_cache_size}: users held in the cache;</li>
 *   <li>{@code papi_store_lookup_seconds{outcome}}: time spent in the store, per call;</li>
 *   <li>{@code papi_store_errors_total{reason="failure"|"timeout"|"overloaded"}}: calls answered 503.</li>
 * </ul>
 */
public final class ApiMetrics {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Timer storeOk;
    private final Timer storeFailed;
    private final Counter storeFailures;
    private final Counter storeTimeouts;
    private final Counter storeOverloaded;

    public ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cacheHits = Counter.builder("papi.cache.lookups")
                .tag("result", "hit")
                .description("ids answered from the cache")
                .register(registry);
        this.cacheMisses = Counter.builder("papi.cache.lookups")
                .tag("result", "miss")
                .description("ids not in the cache, asked of the store")
                .register(registry);
        this.storeOk = storeTimer("ok");
        this.storeFailed = storeTimer("error");
        this.storeFailures = storeErrors("failure");
        this.storeTimeouts = storeErrors("timeout");
        this.storeOverloaded = storeErrors("overloaded");
    }

    private Timer storeTimer(String outcome) {
        return Timer.builder("papi.store.lookup")
                .tag("outcome", outcome)
                .description("time a store lookup took")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    private Counter storeErrors(String reason) {
        return Counter.builder("papi.store.errors")
                .tag("reason", reason)
                .description("store calls that ended in 503")
                .register(registry);
    }

    /** Publishes the cache's current size. */
    public void cacheSize(Supplier<Number> size) {
        Gauge.builder("papi.cache.size", size)
                .description("users held in the cache")
                .register(registry);
    }

    public void cacheHit() {
        cacheHits.increment();
    }

    public void cacheMiss() {
        cacheMisses.increment();
    }

    public void storeCall(long nanos, boolean ok) {
        (ok ? storeOk : storeFailed).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void storeFailure() {
        storeFailures.increment();
    }

    public void storeTimeout() {
        storeTimeouts.increment();
    }

    public void storeOverloaded() {
        storeOverloaded.increment();
    }

    /** Records one answered request; route is a template such as {@code /customer/{ids}}, never the raw path. */
    public void request(String route, String method, int status, long nanos) {
        String key = route + ' ' + method + ' ' + status;
        Timer timer = requestTimers.get(key);
        if (timer == null) {
            timer = requestTimers.computeIfAbsent(
                    key,
                    k -> Timer.builder("papi.http.server.requests")
                            .tag("route", route)
                            .tag("method", method)
                            .tag("status", Integer.toString(status))
                            .description("requests answered, by route and status")
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofNanos(50_000))
                            .maximumExpectedValue(Duration.ofSeconds(10))
                            .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
