package io.papi.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Asks the lookup API how it is doing: {@code GET /readyz} (the store answers its ping) and {@code GET /metrics}
 * (requests served, cache hits and misses, users cached). {@code /readyz} skips ingress auth; {@code /metrics} does
 * not, so behind local token auth it is asked again with a session token from the broker.
 */
public final class ApiProbe {
    private final StatusHttp http;

    public ApiProbe(Duration timeout) {
        this.http = new StatusHttp(timeout);
    }

    /**
     * @param authorization the value of an {@code Authorization} header for {@code /metrics}, asked for only when the
     *     API answers 401 without one (an API behind local token auth); empty when there is none to give
     */
    public ApiReport probe(URI base, Supplier<Optional<String>> authorization) {
        String url = base.toString();
        StatusHttp.Answer ready;
        try {
            ready = http.get(base.resolve("/readyz"), Map.of());
        } catch (StatusHttp.Unreachable e) {
            return new ApiReport(url, Health.NOT_RUNNING, e.getMessage(), null, null, null, null, null);
        }
        Health health = ready.status() == 200 ? Health.OK : Health.UNHEALTHY;
        String detail = null;
        if (health != Health.OK) {
            JsonNode body = BrokerProbe.readJson(ready.body());
            detail = "/readyz answered " + ready.status()
                    + (body != null && body.hasNonNull("error")
                            ? ": " + body.get("error").asText()
                            : "");
        }
        PrometheusText metrics = null;
        String why = null;
        try {
            StatusHttp.Answer answer = http.get(base.resolve("/metrics"), Map.of());
            if (answer.status() == 401) {
                Optional<String> header = authorization.get();
                if (header.isPresent()) {
                    answer = http.get(base.resolve("/metrics"), Map.of("Authorization", header.get()));
                }
            }
            metrics = answer.status() == 200 ? new PrometheusText(answer.body()) : null;
            why = "/metrics answered " + answer.status()
                    + (answer.status() == 401 ? " (it needs a session token; start a broker)" : "");
        } catch (StatusHttp.Unreachable e) {
            why = "/metrics: " + e.getMessage();
        }
        if (metrics == null) {
            return new ApiReport(
                    url,
                    health,
                    detail == null && health == Health.OK ? "no cache figures: " + why : detail,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        Long hits = count(metrics.sum("papi_cache_lookups_total", Map.of("result", "hit")));
        Long misses = count(metrics.sum("papi_cache_lookups_total", Map.of("result", "miss")));
        Double ratio = hits != null && misses != null && hits + misses > 0 ? (double) hits / (hits + misses) : null;
        return new ApiReport(
                url,
                health,
                detail,
                count(metrics.sum("papi_http_server_requests_seconds_count", Map.of())),
                hits,
                misses,
                ratio,
                count(metrics.sum("papi_cache_size", Map.of())));
    }

    private static Long count(OptionalDouble value) {
        return value.isPresent() ? Long.valueOf(Math.round(value.getAsDouble())) : null;
    }
}
