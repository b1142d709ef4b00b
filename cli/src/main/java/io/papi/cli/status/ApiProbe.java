package io.papi.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Asks the lookup API how it is doing: {@code GET /readyz} (the store answers its ping) and {@code GET /metrics}
 * (requests served, cache hits and misses, users cached). Both routes skip ingress auth, so no token is needed.
 */
public final class ApiProbe {
    private final StatusHttp http;

    public ApiProbe(Duration timeout) {
        this.http = new StatusHttp(timeout);
    }

    public ApiReport probe(URI base) {
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
                    + (body != null && body.hasNonNull("error") ? ": " + body.get("error").asText() : "");
        }
        PrometheusText metrics = null;
        try {
            StatusHttp.Answer answer = http.get(base.resolve("/metrics"), Map.of());
            metrics = answer.status() == 200 ? new PrometheusText(answer.body()) : null;
        } catch (StatusHttp.Unreachable e) {
            detail = detail == null ? "/metrics: " + e.getMessage() : detail;
        }
        if (metrics == null) {
            return new ApiReport(url, health, detail, null, null, null, null, null);
        }
        Long hits = count(metrics.sum("papi_cache_lookups_total", Map.of("result", "hit")));
        Long misses = count(metrics.sum("papi_cache_lookups_total", Map.of("result", "miss")));
        Double ratio = hits != null && misses != null && hits + misses > 0 ? (double) hits / (hits + misses) : null;
        return new ApiReport(url, health, detail, count(metrics.sum("papi_http_server_requests_seconds_count", Map.of())),
                hits, misses, ratio, count(metrics.sum("papi_cache_size", Map.of())));
    }

    private static Long count(OptionalDouble value) {
        return value.isPresent() ? Long.valueOf(Math.round(value.getAsDouble())) : null;
    }
}
