package io.papi.broker.sidecar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.papi.broker.Identity;
import io.papi.broker.RefreshFailure;
import io.papi.broker.RefreshListener;
import io.papi.broker.RefreshTrigger;
import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The broker's meters, in Prometheus text through Micrometer (the registry api-service uses too). Per identity:
 * <ul>
 *   <li>{@code papi_broker_refreshes_total{identity,outcome="success"|"failure",reason}}: the reason of a success is
 *       what started it ({@code start}, {@code scheduled}, {@code retry}, {@code demand}, {@code invalidated},
 *       {@code key_change}), of a failure its cause ({@code timeout}, {@code rate_limited}, {@code server_error},
 *       {@code jwt_rejected}, ...);</li>
 *   <li>{@code papi_broker_refresh_seconds{identity,outcome}}: exchange latency histogram;</li>
 *   <li>{@code papi_broker_token_expires_in_seconds{identity}}: seconds until the held token expires, 0 without one;</li>
 *   <li>{@code papi_broker_backoff_seconds{identity}}: the wait the last failure imposed, 0 when healthy;</li>
 *   <li>{@code papi_broker_consecutive_failures{identity}};</li>
 *   <li>{@code papi_broker_clock_skew_seconds{identity}}: the token endpoint's Date minus the local clock, and
 *       {@code papi_broker_clock_skew_excessive{identity}}: 1 when that exceeds the policy's 30 s;</li>
 *   <li>{@code papi_broker_invalidations_total{identity}}, {@code papi_broker_token_requests_total{identity,answer}},
 *       {@code papi_broker_proxy_requests_total{identity,status,retried}}.</li>
 * </ul>
 */
public final class BrokerMetrics implements RefreshListener {
    private final java.util.concurrent.ConcurrentMap<String, Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Proxy counters by identity, then by status class 1xx..5xx and retried (the per-request path). */
    private final java.util.concurrent.ConcurrentMap<String, AtomicReferenceArray<Counter>> proxyCounters =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;

    public BrokerMetrics(Clock clock) {
        this.clock = clock;
    }

    /** Publishes the gauges of {@code source}. */
    public void watch(RefreshingTokenSource source) {
        String identity = source.identity().name();
        Duration skewWarning = source.policy().skewWarning();
        gauge(
                "papi.broker.token.expires.in",
                "seconds",
                "seconds until the held token expires, 0 without one",
                source,
                identity,
                s -> s.status()
                        .token()
                        .map(t -> Math.max(0, t.remaining(clock).toMillis() / 1000.0))
                        .orElse(0.0));
        gauge(
                "papi.broker.backoff",
                "seconds",
                "wait imposed by the last failed refresh, 0 when healthy",
                source,
                identity,
                s -> s.status().backoff().toMillis() / 1000.0);
        gauge(
                "papi.broker.consecutive.failures",
                null,
                "refreshes failed in a row",
                source,
                identity,
                s -> s.status().consecutiveFailures());
        gauge(
                "papi.broker.clock.skew",
                "seconds",
                "token endpoint's Date minus the local clock at its last answer",
                source,
                identity,
                s -> s.status().clockSkew().map(d -> d.toMillis() / 1000.0).orElse(0.0));
        gauge(
                "papi.broker.clock.skew.excessive",
                null,
                "1 when the clock skew exceeds the warning threshold",
                source,
                identity,
                s -> s.status()
                        .clockSkew()
                        .map(d -> d.abs().compareTo(skewWarning) > 0 ? 1.0 : 0.0)
                        .orElse(0.0));
    }

    private void gauge(
            String name,
            String unit,
            String help,
            RefreshingTokenSource source,
            String identity,
            java.util.function.ToDoubleFunction<RefreshingTokenSource> value) {
        Gauge.Builder<RefreshingTokenSource> b = Gauge.builder(name, source, value)
                .description(help)
                .tag("identity", identity)
                .strongReference(true);
        if (unit != null) {
            b.baseUnit(unit);
        }
        b.register(registry);
    }

    @Override
    public void refreshed(Identity identity, SessionToken token, RefreshTrigger trigger, Duration took) {
        refreshes(identity.name(), "success", trigger.label()).increment();
        latency(identity.name(), "success").record(took);
    }

    @Override
    public void failed(
            Identity identity, RefreshFailure failure, RefreshTrigger trigger, Duration took, Duration retryIn) {
        refreshes(identity.name(), "failure", failure.reason().label()).increment();
        latency(identity.name(), "failure").record(took);
    }

    @Override
    public void invalidated(Identity identity, SessionToken token) {
        Counter.builder("papi.broker.invalidations")
                .description("tokens dropped after a caller reported them rejected")
                .tag("identity", identity.name())
                .register(registry)
                .increment();
    }

    /** One answer of the token API: {@code ok}, {@code unavailable}, {@code bad_request}, {@code refused}. */
    public void tokenRequest(String identity, String answer) {
        // looked up once per label set: building and registering a meter on every request costs more than the request
        counters.computeIfAbsent(
                        "token\0" + identity + "\0" + answer,
                        k -> Counter.builder("papi.broker.token.requests")
                                .description("token API answers")
                                .tag("identity", identity)
                                .tag("answer", answer)
                                .register(registry))
                .increment();
    }

    /** One proxied request, by the status class relayed ({@code 2xx} ... or {@code error}). */
    public void proxyRequest(String identity, int status, boolean retried) {
        int hundreds = status / 100;
        if (hundreds >= 1 && hundreds <= 5) { // the usual classes: one array lookup, no key to build
            AtomicReferenceArray<Counter> classes =
                    proxyCounters.computeIfAbsent(identity, k -> new AtomicReferenceArray<>(10));
            int slot = (hundreds - 1) * 2 + (retried ? 1 : 0);
            Counter counter = classes.get(slot);
            if (counter == null) {
                counter = proxyCounter(identity, status, retried);
                classes.set(slot, counter); // a race looks the same counter up twice
            }
            counter.increment();
            return;
        }
        proxyCounter(identity, status, retried).increment();
    }

    private Counter proxyCounter(String identity, int status, boolean retried) {
        String statusClass = status <= 0 ? "error" : (status / 100) + "xx";
        return counters.computeIfAbsent(
                "proxy\0" + identity + "\0" + statusClass + "\0" + retried,
                k -> Counter.builder("papi.broker.proxy.requests")
                        .description("requests forwarded to the endpoint")
                        .tag("identity", identity)
                        .tag("status", statusClass)
                        .tag("retried", Boolean.toString(retried))
                        .register(registry));
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter refreshes(String identity, String outcome, String reason) {
        return Counter.builder("papi.broker.refreshes")
                .description("token refreshes by outcome and reason")
                .tag("identity", identity)
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }

    private Timer latency(String identity, String outcome) {
        return Timer.builder("papi.broker.refresh")
                .description("time one token exchange took")
                .tag("identity", identity)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
