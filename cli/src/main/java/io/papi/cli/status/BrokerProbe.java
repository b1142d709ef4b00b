package io.papi.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.papi.cli.JsonOutput;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a running broker how its identities are doing: {@code GET /readyz} (each identity's readiness, time left,
 * next attempt and last failure) and {@code GET /metrics} ({@code papi_broker_consecutive_failures}, for a broker
 * whose {@code /readyz} does not carry the count). Sends {@code X-Papi-Broker: 1} and, when there is one, the
 * broker's secret as {@code Authorization: Bearer}, so that a broker that keeps details for its callers shows them.
 */
public final class BrokerProbe {
    private final StatusHttp http;

    public BrokerProbe(java.time.Duration timeout) {
        this.http = new StatusHttp(timeout);
    }

    /** @param secret the broker's bearer secret; never shown, never logged */
    public BrokerReport probe(URI base, Optional<String> secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Papi-Broker", "1");
        secret.ifPresent(s -> headers.put("Authorization", "Bearer " + s));
        String url = base.toString();
        StatusHttp.Answer ready;
        try {
            ready = http.get(base.resolve("/readyz"), headers);
        } catch (StatusHttp.Unreachable e) {
            return new BrokerReport(url, Health.NOT_RUNNING, e.getMessage(), List.of());
        }
        JsonNode body = readJson(ready.body());
        if (ready.status() != 200 && ready.status() != 503 || body == null) {
            String why =
                    body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + ready.status();
            return new BrokerReport(
                    url, Health.UNHEALTHY, "/readyz answered " + ready.status() + ": " + why, List.of());
        }
        PrometheusText metrics = metrics(base, headers);
        List<BrokerReport.IdentityReport> identities = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (JsonNode entry : body.path("identities")) {
            String name = entry.path("identity").asText();
            Integer failures = entry.has("consecutive_failures")
                    ? Integer.valueOf(entry.get("consecutive_failures").asInt())
                    : metrics == null
                            ? null
                            : metrics.sum("papi_broker_consecutive_failures", Map.of("identity", name)).stream()
                                    .mapToObj(d -> (int) d)
                                    .findFirst()
                                    .orElse(null);
            BrokerReport.IdentityReport identity = new BrokerReport.IdentityReport(
                    name,
                    entry.path("ready").asBoolean(),
                    entry.has("expires_in") ? entry.get("expires_in").asLong() : null,
                    text(entry, "expires_at"),
                    text(entry, "last_refresh_at"),
                    text(entry, "next_attempt_at"),
                    failures,
                    text(entry, "last_failure"));
            identities.add(identity);
            if (!identity.ready()) {
                failing.add(name + " (" + entry.path("reason").asText("not ready") + ")");
            }
        }
        boolean allReady = body.path("ready").asBoolean();
        String detail = allReady
                ? null
                : failing.isEmpty()
                        ? "not ready: " + body.path("reason").asText("unknown")
                        : "not ready: " + String.join(", ", failing);
        return new BrokerReport(url, allReady ? Health.OK : Health.UNHEALTHY, detail, identities);
    }

    /**
     * The {@code Authorization} header of the broker's current token ({@code GET /header}), for a route of the API
     * that needs one; empty when the broker does not answer with one (down, several identities, no token yet).
     * The token stays in this process: it is never printed.
     */
    public Optional<String> authorization(URI base, Optional<String> secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Papi-Broker", "1");
        secret.ifPresent(s -> headers.put("Authorization", "Bearer " + s));
        try {
            StatusHttp.Answer answer = http.get(base.resolve("/header"), headers);
            String line = answer.body().strip();
            return answer.status() == 200 && line.startsWith("Authorization: ")
                    ? Optional.of(line.substring("Authorization: ".length()))
                    : Optional.empty();
        } catch (StatusHttp.Unreachable e) {
            return Optional.empty();
        }
    }

    private PrometheusText metrics(URI base, Map<String, String> headers) {
        try {
            StatusHttp.Answer answer = http.get(base.resolve("/metrics"), headers);
            return answer.status() == 200 ? new PrometheusText(answer.body()) : null;
        } catch (StatusHttp.Unreachable e) {
            return null;
        }
    }

    private static String text(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? entry.get(field).asText() : null;
    }

    static JsonNode readJson(String body) {
        try {
            JsonNode node = JsonOutput.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
